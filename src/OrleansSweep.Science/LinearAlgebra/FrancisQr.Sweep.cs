namespace OrleansSweep.Science.LinearAlgebra;

// The bulge chase of one Francis double-shift sweep (dlahqr's loop 130), restricted to the active window because
// only eigenvalues are wanted.
internal static partial class FrancisQr
{
    /// <summary>
    /// One implicit double-shift sweep on the window H[l..hi, l..hi] (size ≥ 3), starting at row m ≥ l with the
    /// first-column direction (v0, v1, v2) from <see cref="StartOfBulge"/>.
    /// </summary>
    private static void Sweep(Span<double> h, int n, int l, int m, int hi, double v0, double v1, double v2)
    {
        for (var k = m; k < hi; k++)
        {
            var three = k < hi - 1;
            if (k > m)
            {
                v0 = h[(k * n) + k - 1];
                v1 = h[((k + 1) * n) + k - 1];
                v2 = three ? h[((k + 2) * n) + k - 1] : 0.0;
            }

            // Reflector P = I − τ·u·uᵀ, u = (1, u1, u2), mapping (v0, v1, v2) to (β, 0, 0) (dlarfg). Working on the
            // direction scaled to unit 1-norm keeps the squares and 1/(v0 − β) clear of overflow and underflow.
            if (v1 == 0.0 && v2 == 0.0)
            {
                continue;
            }

            var size = Math.Abs(v0) + Math.Abs(v1) + Math.Abs(v2);
            v0 /= size;
            v1 /= size;
            v2 /= size;
            var unitBeta = -Math.CopySign(Math.Sqrt((v0 * v0) + (v1 * v1) + (v2 * v2)), v0);
            var tau = (unitBeta - v0) / unitBeta;
            var scale = 1.0 / (v0 - unitBeta);
            var u1 = v1 * scale;
            var u2 = v2 * scale;
            var beta = unitBeta * size;
            if (k > m)
            {
                h[(k * n) + k - 1] = beta;
                h[((k + 1) * n) + k - 1] = 0.0;
                if (three)
                {
                    h[((k + 2) * n) + k - 1] = 0.0;
                }
            }
            else if (m > l)
            {
                // The reflector also scales the small H[m, m−1] by 1 − τ; its fill-in below was judged negligible.
                // (dlahqr multiplies rather than negating to stay correct when u1 and u2 underflow.)
                h[(k * n) + k - 1] *= 1.0 - tau;
            }

            ApplyLeft(h, n, k, hi, three, tau, u1, u2);
            ApplyRight(h, n, k, l, Math.Min(k + 3, hi), three, tau, u1, u2);
        }
    }

    /// <summary>Rows k..k+2, columns k..hi ← P·(…): three contiguous row segments.</summary>
    private static void ApplyLeft(Span<double> h, int n, int k, int hi, bool three, double tau, double v1, double v2)
    {
        var width = hi - k + 1;
        var r0 = h.Slice((k * n) + k, width);
        var r1 = h.Slice(((k + 1) * n) + k, width);
        var t1 = tau * v1;
        if (three)
        {
            var r2 = h.Slice(((k + 2) * n) + k, width);
            var t2 = tau * v2;
            for (var c = 0; c < width; c++)
            {
                var sum = r0[c] + (v1 * r1[c]) + (v2 * r2[c]);
                r0[c] -= sum * tau;
                r1[c] -= sum * t1;
                r2[c] -= sum * t2;
            }
        }
        else
        {
            for (var c = 0; c < width; c++)
            {
                var sum = r0[c] + (v1 * r1[c]);
                r0[c] -= sum * tau;
                r1[c] -= sum * t1;
            }
        }
    }

    /// <summary>Rows l..last, columns k..k+2 ← (…)·P.</summary>
    private static void ApplyRight(Span<double> h, int n, int k, int l, int last, bool three, double tau, double v1, double v2)
    {
        var t1 = tau * v1;
        var t2 = tau * v2;
        for (var i = l; i <= last; i++)
        {
            var row = h.Slice((i * n) + k, three ? 3 : 2);
            if (three)
            {
                var sum = row[0] + (v1 * row[1]) + (v2 * row[2]);
                row[0] -= sum * tau;
                row[1] -= sum * t1;
                row[2] -= sum * t2;
            }
            else
            {
                var sum = row[0] + (v1 * row[1]);
                row[0] -= sum * tau;
                row[1] -= sum * t1;
            }
        }
    }
}
