using System.Numerics;

namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// Eigenvalues of a real upper Hessenberg matrix by the implicit Francis double-shift QR iteration, a port of
/// LAPACK's dlahqr (Golub &amp; Van Loan, Alg. 7.5.1–7.5.2) restricted to eigenvalues only.
/// </summary>
/// <remarks>
/// <para>The active window H[l..hi, l..hi] is the trailing unreduced block. Each sweep chases a 3×3 bulge created
/// by two shifts down the window. Because only eigenvalues are wanted, the similarity is applied to the window
/// alone; the blocks to its right and above never influence the spectrum.</para>
/// <para>What makes clusters of equal or defective eigenvalues converge (all as in dlahqr):
/// <list type="bullet">
/// <item>the first column of (H − μ₁I)(H − μ₂I) is formed from the differences H[m, m] − μ, never by expanding
/// H² − (μ₁+μ₂)H + μ₁μ₂I, which cancels catastrophically when the shifts sit on a cluster
/// (<see cref="StartOfBulge"/>);</item>
/// <item>two real shifts are replaced by the one nearer H[hi, hi], used twice;</item>
/// <item>a sweep starts below two consecutive small subdiagonals when that is a negligible perturbation;</item>
/// <item>deflation uses the Ahues–Kressner test, and exceptional shifts come every 10 sweeps without a deflation
/// (at the top and the bottom of the window alternately).</item>
/// </list></para>
/// <para>Failure mode: more than 30·max(10, n) sweeps without deflating an eigenvalue (or pair) at the bottom
/// returns false, with the eigenvalues found so far written and the rest unspecified. The iteration count is
/// therefore bounded by 30·max(10, n)·n sweeps of O(n²) each.</para>
/// </remarks>
internal static partial class FrancisQr
{
    private const double Ulp = 2.220446049250313e-16;
    private const double SafeMinimum = 2.2250738585072014e-308;
    private const int ExceptionalShiftPeriod = 10;

    public static bool Eigenvalues(Span<double> h, int n, Span<Complex> lambda)
    {
        var budget = 30 * Math.Max(10, n);
        var smallNumber = SafeMinimum * (n / Ulp);
        var sinceDeflation = 0;
        var hi = n - 1;
        while (hi >= 0)
        {
            var l = 0;
            var split = false;
            for (var sweep = 0; sweep <= budget; sweep++)
            {
                l = FindSplit(h, n, l, hi, smallNumber);
                if (l >= hi - 1)
                {
                    split = true;
                    break;
                }

                sinceDeflation++;
                var shifts = ChooseShifts(h, n, l, hi, sinceDeflation);
                var m = StartOfBulge(h, n, l, hi, shifts, out var v0, out var v1, out var v2);
                Sweep(h, n, l, m, hi, v0, v1, v2);
            }

            if (!split)
            {
                return false;
            }

            if (l == hi)
            {
                lambda[hi] = h[(hi * n) + hi];
            }
            else
            {
                TwoByTwo(h[(l * n) + l], h[(l * n) + hi], h[(hi * n) + l], h[(hi * n) + hi], out lambda[l], out lambda[hi]);
            }

            sinceDeflation = 0;
            hi = l - 1;
        }

        return true;
    }

    /// <summary>
    /// The largest k in (low, hi] whose subdiagonal H[k, k−1] is negligible (set to zero), or low when none is:
    /// H[k..hi, k..hi] is then the unreduced trailing window.
    /// </summary>
    /// <remarks>
    /// dlahqr's two-stage test: |H[k, k−1]| ≤ ε·(|H[k−1, k−1]| + |H[k, k]|) (neighbours substituted when both diagonal
    /// entries are zero), confirmed by the Ahues–Kressner criterion, which compares the perturbation of the 2×2 block's
    /// eigenvalues with their separation so that a small subdiagonal next to a large superdiagonal is not dropped early.
    /// </remarks>
    private static int FindSplit(Span<double> h, int n, int low, int hi, double smallNumber)
    {
        for (var k = hi; k > low; k--)
        {
            var sub = Math.Abs(h[(k * n) + k - 1]);
            if (sub <= smallNumber)
            {
                h[(k * n) + k - 1] = 0.0;
                return k;
            }

            var hkk = h[(k * n) + k];
            var hPrevious = h[((k - 1) * n) + k - 1];
            var test = Math.Abs(hPrevious) + Math.Abs(hkk);
            if (test == 0.0)
            {
                if (k - 2 >= 0)
                {
                    test += Math.Abs(h[((k - 1) * n) + k - 2]);
                }

                if (k + 1 < n)
                {
                    test += Math.Abs(h[((k + 1) * n) + k]);
                }
            }

            if (sub <= Ulp * test)
            {
                var super = Math.Abs(h[((k - 1) * n) + k]);
                var ab = Math.Max(sub, super);
                var ba = Math.Min(sub, super);
                var difference = Math.Abs(hPrevious - hkk);
                var aa = Math.Max(Math.Abs(hkk), difference);
                var bb = Math.Min(Math.Abs(hkk), difference);
                var s = aa + ab;
                if (ba * (ab / s) <= Math.Max(smallNumber, Ulp * (bb * (aa / s))))
                {
                    h[(k * n) + k - 1] = 0.0;
                    return k;
                }
            }
        }

        return low;
    }
}
