namespace OrleansSweep.Science.LinearAlgebra;

// Shift selection and the first column of the double-shift polynomial, as in LAPACK's dlahqr.
internal static partial class FrancisQr
{
    // dlahqr's exceptional shift: the eigenvalues of [[b + 0.75s, −0.4375s], [s, b + 0.75s]].
    private const double ExceptionalOffset = 0.75;
    private const double ExceptionalCoupling = -0.4375;

    /// <summary>
    /// The two shifts of the next sweep: the eigenvalues of the trailing 2×2 block (Wilkinson), or an exceptional
    /// pair every <see cref="ExceptionalShiftPeriod"/> sweeps without deflation, at the top of the window (10, 30, …)
    /// and at the bottom (20, 40, …) — this breaks the rare cycles of the standard shift.
    /// </summary>
    /// <remarks>
    /// Two real shifts are replaced by the one nearer H[hi, hi], used twice (dlahqr): Wilkinson's choice, which
    /// converges quadratically to the bottom eigenvalue instead of splitting its effort between two roots.
    /// </remarks>
    private static Shifts ChooseShifts(Span<double> h, int n, int l, int hi, int sinceDeflation)
    {
        double h11, h12, h21, h22;
        if (sinceDeflation % (2 * ExceptionalShiftPeriod) == 0)
        {
            var s = Math.Abs(h[(hi * n) + hi - 1]) + Math.Abs(h[((hi - 1) * n) + hi - 2]);
            h11 = (ExceptionalOffset * s) + h[(hi * n) + hi];
            (h12, h21, h22) = (ExceptionalCoupling * s, s, h11);
        }
        else if (sinceDeflation % ExceptionalShiftPeriod == 0)
        {
            var s = Math.Abs(h[((l + 1) * n) + l]) + Math.Abs(h[((l + 2) * n) + l + 1]);
            h11 = (ExceptionalOffset * s) + h[(l * n) + l];
            (h12, h21, h22) = (ExceptionalCoupling * s, s, h11);
        }
        else
        {
            h11 = h[((hi - 1) * n) + hi - 1];
            h12 = h[((hi - 1) * n) + hi];
            h21 = h[(hi * n) + hi - 1];
            h22 = h[(hi * n) + hi];
        }

        var scale = Math.Abs(h11) + Math.Abs(h12) + Math.Abs(h21) + Math.Abs(h22);
        if (scale == 0.0)
        {
            return default;
        }

        // Scaled so that the products below neither overflow nor underflow.
        h11 /= scale;
        h12 /= scale;
        h21 /= scale;
        h22 /= scale;
        var mean = (h11 + h22) / 2.0;
        var determinant = ((h11 - mean) * (h22 - mean)) - (h12 * h21);
        var root = Math.Sqrt(Math.Abs(determinant));
        if (determinant >= 0.0)
        {
            return new Shifts(mean * scale, root * scale, mean * scale, -root * scale);
        }

        var first = mean + root;
        var second = mean - root;
        var nearer = (Math.Abs(first - h22) <= Math.Abs(second - h22) ? first : second) * scale;
        return new Shifts(nearer, 0.0, nearer, 0.0);
    }

    /// <summary>
    /// The row m ≥ l where the sweep starts and the direction (v0, v1, v2) of the first column of
    /// (H − μ₁I)(H − μ₂I) at that row (scaled to unit 1-norm).
    /// </summary>
    /// <remarks>
    /// The column is formed from H[m, m] − μ: expanding it as H² − (μ₁+μ₂)H + μ₁μ₂I would lose every digit when the
    /// shifts sit on a cluster of (nearly) equal eigenvalues, making the sweep a random rotation that never converges.
    /// Starting at m &gt; l is allowed when the bulge would create a negligible fill-in next to H[m, m−1]
    /// (two consecutive small subdiagonals), which saves work and avoids disturbing converged parts of the window.
    /// </remarks>
    private static int StartOfBulge(Span<double> h, int n, int l, int hi, Shifts shifts, out double v0, out double v1, out double v2)
    {
        for (var m = hi - 2; m > l; m--)
        {
            BulgeColumn(h, n, m, shifts, out v0, out v1, out v2);
            var fill = Math.Abs(h[(m * n) + m - 1]) * (Math.Abs(v1) + Math.Abs(v2));
            var allowance = Ulp * Math.Abs(v0)
                * (Math.Abs(h[((m - 1) * n) + m - 1]) + Math.Abs(h[(m * n) + m]) + Math.Abs(h[((m + 1) * n) + m + 1]));
            if (fill <= allowance)
            {
                return m;
            }
        }

        BulgeColumn(h, n, l, shifts, out v0, out v1, out v2);
        return l;
    }

    /// <summary>(H − μ₁I)(H − μ₂I)·e_m restricted to rows m..m+2, scaled to unit 1-norm (H[m+1, m] ≠ 0).</summary>
    private static void BulgeColumn(Span<double> h, int n, int m, Shifts shifts, out double v0, out double v1, out double v2)
    {
        var hmm = h[(m * n) + m];
        var h10 = h[((m + 1) * n) + m];
        var s = Math.Abs(hmm - shifts.Re2) + Math.Abs(shifts.Im2) + Math.Abs(h10);
        var h10Scaled = h10 / s;
        v0 = (h10Scaled * h[(m * n) + m + 1]) + ((hmm - shifts.Re1) * ((hmm - shifts.Re2) / s)) - (shifts.Im1 * (shifts.Im2 / s));
        v1 = h10Scaled * (hmm + h[((m + 1) * n) + m + 1] - shifts.Re1 - shifts.Re2);
        v2 = h10Scaled * h[((m + 2) * n) + m + 1];
        s = Math.Abs(v0) + Math.Abs(v1) + Math.Abs(v2);
        v0 /= s;
        v1 /= s;
        v2 /= s;
    }

    /// <summary>Two shifts μ₁ = Re1 + i·Im1, μ₂ = Re2 + i·Im2: a conjugate pair or one real value twice.</summary>
    private readonly record struct Shifts(double Re1, double Im1, double Re2, double Im2);
}
