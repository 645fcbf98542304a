using System.Numerics;

namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// Eigenvalues of a real upper Hessenberg matrix by the implicit Francis double-shift QR iteration
/// (Golub &amp; Van Loan, Alg. 7.5.1–7.5.2), eigenvalues only.
/// </summary>
/// <remarks>
/// <para>The active window H[l..hi, l..hi] is the trailing unreduced block. Each sweep chases a 3×3 bulge
/// created by the shifts μ₁, μ₂ (eigenvalues of the trailing 2×2 block, entering only through their sum and
/// product, so complex pairs stay in real arithmetic) down the window. Because only eigenvalues are wanted, the
/// similarity is applied to the window alone; the blocks to its right and above never influence the spectrum,
/// which saves about ¾ of the work of a full Schur form.</para>
/// <para>Deflation: H[j, j−1] is set to zero when |H[j, j−1]| ≤ ε·(|H[j−1, j−1]| + |H[j, j]|) (or below the
/// smallest normal number scaled by n/ε). A 1×1 block gives a real eigenvalue, a 2×2 block a real or complex
/// conjugate pair (solved stably). Every 10 sweeps without deflation an exceptional shift (LAPACK dlahqr's, at
/// the top and the bottom of the window alternately) breaks cycles.</para>
/// <para>Failure mode: more than 30·max(10, n) sweeps without a deflation (as in LAPACK) returns false, with the
/// eigenvalues found so far written and the rest unspecified.</para>
/// </remarks>
internal static partial class FrancisQr
{
    private const double Ulp = 2.220446049250313e-16;
    private const double SafeMinimum = 2.2250738585072014e-308;

    public static bool Eigenvalues(Span<double> h, int n, Span<Complex> lambda)
    {
        var budget = 30 * Math.Max(10, n);
        var smallNumber = SafeMinimum * (n / Ulp);
        var norm = HessenbergOneNorm(h, n);
        var hi = n - 1;
        var sweeps = 0;
        while (hi >= 0)
        {
            var l = FindSplit(h, n, hi, smallNumber, norm);
            if (l == hi)
            {
                lambda[hi] = h[(hi * n) + hi];
                hi--;
                sweeps = 0;
                continue;
            }

            if (l == hi - 1)
            {
                TwoByTwo(h[((hi - 1) * n) + hi - 1], h[((hi - 1) * n) + hi], h[(hi * n) + hi - 1], h[(hi * n) + hi],
                    out lambda[hi - 1], out lambda[hi]);
                hi -= 2;
                sweeps = 0;
                continue;
            }

            if (sweeps >= budget)
            {
                return false;
            }

            sweeps++;
            Shifts(h, n, l, hi, sweeps, out var sum, out var product);
            Sweep(h, n, l, hi, sum, product);
        }

        return true;
    }

    /// <summary>The smallest l ≤ hi such that H[l..hi, l..hi] is unreduced; zeroes the negligible H[l, l−1].</summary>
    private static int FindSplit(Span<double> h, int n, int hi, double smallNumber, double norm)
    {
        for (var l = hi; l > 0; l--)
        {
            var sub = Math.Abs(h[(l * n) + l - 1]);
            var diagonal = Math.Abs(h[((l - 1) * n) + l - 1]) + Math.Abs(h[(l * n) + l]);
            if (diagonal == 0.0)
            {
                diagonal = norm;
            }

            if (sub <= smallNumber || sub <= Ulp * diagonal)
            {
                h[(l * n) + l - 1] = 0.0;
                return l;
            }
        }

        return 0;
    }

    /// <summary>Sum and product of the two shifts: Wilkinson's trailing 2×2 block, or an exceptional shift.</summary>
    private static void Shifts(Span<double> h, int n, int l, int hi, int sweeps, out double sum, out double product)
    {
        if (sweeps % 10 == 0)
        {
            // dlahqr's exceptional shift: a double shift at base + 0.75·s ± i·√0.4375·s, s from two subdiagonals.
            var atTop = sweeps % 20 == 10;
            var s = atTop
                ? Math.Abs(h[((l + 1) * n) + l]) + Math.Abs(h[((l + 2) * n) + l + 1])
                : Math.Abs(h[(hi * n) + hi - 1]) + Math.Abs(h[((hi - 1) * n) + hi - 2]);
            var b = atTop ? h[(l * n) + l] : h[(hi * n) + hi];
            sum = (2.0 * b) + (1.5 * s);
            product = (b * b) + (1.5 * b * s) + (s * s);
            return;
        }

        var a11 = h[((hi - 1) * n) + hi - 1];
        var a22 = h[(hi * n) + hi];
        sum = a11 + a22;
        product = (a11 * a22) - (h[((hi - 1) * n) + hi] * h[(hi * n) + hi - 1]);
    }

    /// <summary>Eigenvalues of [[a, b], [c, d]]: λ = (a+d)/2 ± √(p² + bc), p = (a−d)/2, without cancellation.</summary>
    internal static void TwoByTwo(double a, double b, double c, double d, out Complex first, out Complex second)
    {
        var p = 0.5 * (a - d);
        var discriminant = (p * p) + (b * c);
        if (discriminant >= 0.0)
        {
            // z = p + sign(p)·√disc has no cancellation; the roots are d + z and d − bc/z (their product is ad − bc).
            var z = p + Math.CopySign(Math.Sqrt(discriminant), p);
            first = d + z;
            second = z != 0.0 ? d - (b / z * c) : d;
            return;
        }

        var mean = d + p;
        var imaginary = Math.Sqrt(-discriminant);
        first = new Complex(mean, imaginary);
        second = new Complex(mean, -imaginary);
    }

    private static double HessenbergOneNorm(Span<double> h, int n)
    {
        var norm = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = Math.Max(0, i - 1); j < n; j++)
            {
                norm += Math.Abs(h[(i * n) + j]);
            }
        }

        return norm;
    }
}
