namespace OrleansSweep.Science.LinearAlgebra;

// The bulge chase of one Francis double-shift sweep (Golub & Van Loan, Alg. 7.5.1), restricted to the active
// window because only eigenvalues are wanted.
internal static partial class FrancisQr
{
    /// <summary>One implicit double-shift sweep on H[l..hi, l..hi] (window of size ≥ 3).</summary>
    private static void Sweep(Span<double> h, int n, int l, int hi, double sum, double product)
    {
        // First column of (H − μ₁I)(H − μ₂I), which has only three non-zeros.
        var h00 = h[(l * n) + l];
        var h10 = h[((l + 1) * n) + l];
        var x = (h00 * h00) + (h[(l * n) + l + 1] * h10) - (sum * h00) + product;
        var y = h10 * (h00 + h[((l + 1) * n) + l + 1] - sum);
        var z = h10 * h[((l + 2) * n) + l + 1];
        for (var k = l; k < hi; k++)
        {
            var three = k < hi - 1;
            if (k > l)
            {
                x = h[(k * n) + k - 1];
                y = h[((k + 1) * n) + k - 1];
                z = three ? h[((k + 2) * n) + k - 1] : 0.0;
            }

            if (y == 0.0 && z == 0.0)
            {
                continue;
            }

            // Reflector P = I − τ·v·vᵀ, v = (1, v1, v2), mapping (x, y, z) to (β, 0, 0).
            var beta = -Math.CopySign(Math.Sqrt((x * x) + (y * y) + (z * z)), x);
            var tau = (beta - x) / beta;
            var scale = 1.0 / (x - beta);
            var v1 = y * scale;
            var v2 = z * scale;
            if (k > l)
            {
                h[(k * n) + k - 1] = beta;
                h[((k + 1) * n) + k - 1] = 0.0;
                if (three)
                {
                    h[((k + 2) * n) + k - 1] = 0.0;
                }
            }

            ApplyLeft(h, n, k, hi, three, tau, v1, v2);
            ApplyRight(h, n, k, l, Math.Min(k + 3, hi), three, tau, v1, v2);
        }
    }

    /// <summary>Rows k..k+2, columns k..hi ← P·(…): three contiguous row segments.</summary>
    private static void ApplyLeft(Span<double> h, int n, int k, int hi, bool three, double tau, double v1, double v2)
    {
        var width = hi - k + 1;
        var r0 = h.Slice((k * n) + k, width);
        var r1 = h.Slice(((k + 1) * n) + k, width);
        if (three)
        {
            var r2 = h.Slice(((k + 2) * n) + k, width);
            for (var c = 0; c < width; c++)
            {
                var s = tau * (r0[c] + (v1 * r1[c]) + (v2 * r2[c]));
                r0[c] -= s;
                r1[c] -= s * v1;
                r2[c] -= s * v2;
            }
        }
        else
        {
            for (var c = 0; c < width; c++)
            {
                var s = tau * (r0[c] + (v1 * r1[c]));
                r0[c] -= s;
                r1[c] -= s * v1;
            }
        }
    }

    /// <summary>Rows l..last, columns k..k+2 ← (…)·P.</summary>
    private static void ApplyRight(Span<double> h, int n, int k, int l, int last, bool three, double tau, double v1, double v2)
    {
        for (var i = l; i <= last; i++)
        {
            var row = h.Slice((i * n) + k, three ? 3 : 2);
            if (three)
            {
                var s = tau * (row[0] + (v1 * row[1]) + (v2 * row[2]));
                row[0] -= s;
                row[1] -= s * v1;
                row[2] -= s * v2;
            }
            else
            {
                var s = tau * (row[0] + (v1 * row[1]));
                row[0] -= s;
                row[1] -= s * v1;
            }
        }
    }
}
