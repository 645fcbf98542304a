namespace OrleansSweep.Sweeps.Refinement;

/// <summary>
/// The split rule and the interpolated crossing between two neighbouring cells with means μ_A, μ_B and standard
/// errors s_A, s_B, for the level L and k standard errors.
/// </summary>
/// <remarks>
/// <para>
/// Straddle: the level lies between the means, min(μ_A, μ_B) ≤ L ≤ max(μ_A, μ_B), and μ_A ≠ μ_B.
/// </para>
/// <para>
/// Split: the pair straddles, the two means are not both within k·SEM of the level
/// (|μ_A − L| &gt; k s_A or |μ_B − L| &gt; k s_B), and their difference is resolved, |μ_A − μ_B| &gt; k √(s_A² + s_B²).
/// Why: if either mean is significantly off the level and the difference is real, the level lies between the pair
/// with high probability, so the boundary is localised further. If both are within noise of the level, the pair is
/// indistinguishable from a flat field at the level, and a noisy field far from the level never straddles it at all:
/// no split. The difference test stops the refinement near a smooth crossing of slope g at cell widths of about
/// k√2·s/g — the scale below which halving cannot place the crossing better than the noise does (measured: without it,
/// refinement went on splitting on noise to the full depth, spending cells on crossings that were noise). At a jump the
/// difference is large at every depth, so a discontinuous transition is refined to the full depth. One significant
/// side is enough: the stricter "both significant on opposite sides" would stop next to the boundary, where one cell
/// always sits near the level. An unknown SEM counts as 0 (exact), so theory columns split on straddling alone.
/// </para>
/// <para>
/// Crossing: with d = μ − L, t = d_A / (d_A − d_B) ∈ [0, 1] along the segment from A's sample to B's. First-order
/// propagation of the SEMs through t: ∂t/∂μ_A = −d_B/(d_A − d_B)², ∂t/∂μ_B = d_A/(d_A − d_B)², so
/// σ_t = √(d_B² s_A² + d_A² s_B²) / (d_A − d_B)².
/// </para>
/// </remarks>
internal static class CrossingTest
{
    /// <summary>Whether the level lies between two different means.</summary>
    public static bool Straddles(double meanA, double meanB, double level) =>
        meanA != meanB && Math.Min(meanA, meanB) <= level && level <= Math.Max(meanA, meanB);

    /// <summary>The split rule of the remarks.</summary>
    public static bool Splits(double meanA, double semA, double meanB, double semB, double level, double sigmas) =>
        Straddles(meanA, meanB, level) &&
        !(Math.Abs(meanA - level) <= sigmas * semA && Math.Abs(meanB - level) <= sigmas * semB) &&
        Math.Abs(meanA - meanB) > sigmas * Math.Sqrt(semA * semA + semB * semB);

    /// <summary>t and σ_t of the remarks; requires <see cref="Straddles"/>.</summary>
    public static (double Fraction, double FractionSem) Interpolate(double meanA, double semA, double meanB, double semB, double level)
    {
        if (!Straddles(meanA, meanB, level))
        {
            throw new ArgumentException("The level does not lie between the two means.", nameof(level));
        }

        var dA = meanA - level;
        var dB = meanB - level;
        var span = dA - dB;
        var t = Math.Clamp(dA / span, 0, 1);
        var sem = Math.Sqrt(dB * dB * semA * semA + dA * dA * semB * semB) / (span * span);
        return (t, sem);
    }
}
