using System.Buffers;

namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// Managed thin QR of a row-major m×k matrix by Householder reflections (Golub &amp; Van Loan, Alg. 5.2.1), with Q
/// formed in place by backward accumulation of the reflectors, and the sign normalisation diag(R) ≥ 0.
/// </summary>
/// <remarks>
/// Row-major layout makes each reflector application two passes over contiguous rows: w ← vᵀA (axpy of rows into
/// w) then A ← A − τ·v·wᵀ (axpy of w into rows). Cost ≈ 4mk² flops. Backward-stable: ‖QᵀQ − I‖ and
/// ‖QR − A‖/‖A‖ are O(ε) independent of the conditioning of A. Zero columns give a zero diagonal of R.
/// </remarks>
internal static class HouseholderQr
{
    public static void Factor(Span<double> a, int m, int k, Span<double> r)
    {
        if (k == 0)
        {
            return;
        }

        var tau = ArrayPool<double>.Shared.Rent(k);
        var w = ArrayPool<double>.Shared.Rent(k);
        try
        {
            for (var j = 0; j < k; j++)
            {
                tau[j] = MakeReflector(a, m, k, j);
                if (tau[j] != 0.0 && j + 1 < k)
                {
                    ApplyReflector(a, m, k, j, tau[j], w.AsSpan(0, k - j - 1));
                }
            }

            for (var i = 0; i < k; i++)
            {
                var rRow = r.Slice(i * k, k);
                rRow[..i].Clear();
                a.Slice((i * k) + i, k - i).CopyTo(rRow[i..]);
            }

            FormQ(a, m, k, tau, w);
            NormaliseSigns(a, m, k, r);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(w);
            ArrayPool<double>.Shared.Return(tau);
        }
    }

    /// <summary>Flips the signs of Q's column j and R's row j wherever R[j, j] &lt; 0, so that diag(R) ≥ 0.</summary>
    /// <remarks>QR is unique up to these signs; fixing them makes Q a continuous function of A (needed by the
    /// Lyapunov re-orthonormalisation, whose exponents are the logarithms of diag(R)).</remarks>
    public static void NormaliseSigns(Span<double> q, int m, int k, Span<double> r)
    {
        for (var j = 0; j < k; j++)
        {
            if (r[(j * k) + j] >= 0.0)
            {
                continue;
            }

            var rRow = r.Slice((j * k) + j, k - j);
            for (var c = 0; c < rRow.Length; c++)
            {
                rRow[c] = -rRow[c];
            }

            for (var i = 0; i < m; i++)
            {
                q[(i * k) + j] = -q[(i * k) + j];
            }
        }
    }

    /// <summary>
    /// Builds H_j = I − τ·v·vᵀ that maps column j (rows j..m−1) onto β·e₁; stores β on the diagonal and v (with
    /// v₀ = 1 implied) below it; returns τ (0 when the column is already reduced).
    /// </summary>
    private static double MakeReflector(Span<double> a, int m, int k, int j)
    {
        var alpha = a[(j * k) + j];
        var tailSquares = 0.0;
        for (var i = j + 1; i < m; i++)
        {
            var x = a[(i * k) + j];
            tailSquares += x * x;
        }

        if (tailSquares == 0.0)
        {
            return 0.0;
        }

        // β = −sign(α)·‖x‖ avoids cancellation in α − β.
        var beta = -Math.CopySign(ColumnNorm(a, m, k, j, alpha, tailSquares), alpha);
        var scale = 1.0 / (alpha - beta);
        for (var i = j + 1; i < m; i++)
        {
            a[(i * k) + j] *= scale;
        }

        a[(j * k) + j] = beta;
        return (beta - alpha) / beta;
    }

    /// <summary>
    /// ‖A[j.., j]‖ from the unscaled sum of squares when that is finite; otherwise (squares beyond 1.8e308, as dnrm2
    /// guards against) summed again relative to the largest entry.
    /// </summary>
    private static double ColumnNorm(Span<double> a, int m, int k, int j, double alpha, double tailSquares)
    {
        var squares = (alpha * alpha) + tailSquares;
        if (double.IsFinite(squares))
        {
            return Math.Sqrt(squares);
        }

        var scale = Math.Abs(alpha);
        for (var i = j + 1; i < m; i++)
        {
            scale = Math.Max(scale, Math.Abs(a[(i * k) + j]));
        }

        var scaled = 0.0;
        for (var i = j; i < m; i++)
        {
            var x = a[(i * k) + j] / scale;
            scaled += x * x;
        }

        return scale * Math.Sqrt(scaled);
    }

    /// <summary>A[j.., j+1..] ← H_j·A[j.., j+1..] using the reflector stored in column j.</summary>
    private static void ApplyReflector(Span<double> a, int m, int k, int j, double tau, Span<double> w)
    {
        var width = k - j - 1;
        a.Slice((j * k) + j + 1, width).CopyTo(w);
        for (var i = j + 1; i < m; i++)
        {
            VectorOps.Axpy(a[(i * k) + j], a.Slice((i * k) + j + 1, width), w);
        }

        VectorOps.Axpy(-tau, w, a.Slice((j * k) + j + 1, width));
        for (var i = j + 1; i < m; i++)
        {
            VectorOps.Axpy(-tau * a[(i * k) + j], w, a.Slice((i * k) + j + 1, width));
        }
    }

    /// <summary>
    /// Overwrites the reflectors with Q = H₀·H₁·…·H_{k−1}·[I; 0], applying them from the last to the first so that
    /// each touches only the trailing block it affects (as LAPACK's dorg2r does).
    /// </summary>
    private static void FormQ(Span<double> a, int m, int k, double[] tau, double[] w)
    {
        for (var j = k - 1; j >= 0; j--)
        {
            var t = tau[j];
            if (j + 1 < k)
            {
                // Row j of the trailing columns is still zero here, so the implied v_j = 1 term is a no-op copy.
                a[(j * k) + j] = 1.0;
                if (t != 0.0)
                {
                    ApplyReflector(a, m, k, j, t, w.AsSpan(0, k - j - 1));
                }
            }

            for (var i = j + 1; i < m; i++)
            {
                a[(i * k) + j] *= -t;
            }

            a[(j * k) + j] = 1.0 - t;
            for (var i = 0; i < j; i++)
            {
                a[(i * k) + j] = 0.0;
            }
        }
    }
}
