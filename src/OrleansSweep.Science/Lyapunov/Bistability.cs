namespace OrleansSweep.Science.Lyapunov;

/// <summary>Which attractor one trajectory of a network settled on, judged from its λ_max and its error bar.</summary>
public enum AttractorKind
{
    /// <summary>λ_max is not separated from 0 by the margin, or the run was not usable: no verdict.</summary>
    Undecided,

    /// <summary>λ_max &lt; −margin: a stable fixed point (or another contracting attractor).</summary>
    Ordered,

    /// <summary>λ_max &gt; +margin: a chaotic attractor.</summary>
    Chaotic,
}

/// <summary>
/// The bistability criterion: the same network, run from initial conditions of several scales (science.md §C, PRX
/// "discontinuous transition": h(0) ~ N(0, s²) with s = 1 and s = 0.01), ends on different attractors.
/// </summary>
/// <remarks>
/// <para>Criterion (documented in Models/README.md):</para>
/// <list type="number">
/// <item>Each run is classified by λ_max with margin m = max(<see cref="AbsoluteMargin"/>, 3·SE), SE = window spread / √windows
/// (the run's own convergence error): <see cref="AttractorKind.Chaotic"/> if λ_max &gt; m, <see cref="AttractorKind.Ordered"/>
/// if λ_max &lt; −m, otherwise <see cref="AttractorKind.Undecided"/> (also when the run diverged or was cancelled).</item>
/// <item>A realisation is bistable when one scale is Chaotic and another Ordered <b>and</b> their mean-square activities
/// ⟨h²⟩ differ by more than <see cref="ActivityContrast"/> of the larger, so that two runs that merely sit on either
/// side of a marginal λ_max on the same attractor do not count.</item>
/// </list>
/// Units: λ_max per time unit of the model (τ_h = 1 for flows, one step for maps); the absolute margin is in the same unit.
/// </remarks>
public static class Bistability
{
    /// <summary>Smallest |λ_max| (per time unit) that counts as a sign: 10⁻³.</summary>
    public const double AbsoluteMargin = 1e-3;

    /// <summary>Required relative difference of ⟨h²⟩ between the chaotic and the ordered run: 0.5 (a factor 2).</summary>
    public const double ActivityContrast = 0.5;

    /// <summary>The margin m = max(10⁻³, 3·WindowSpread/√windows) of a run.</summary>
    public static double Margin(double windowSpread, int windows) =>
        Math.Max(AbsoluteMargin, double.IsFinite(windowSpread) && windows > 0 ? 3 * windowSpread / Math.Sqrt(windows) : double.PositiveInfinity);

    /// <summary>Classifies one run from its λ_max and window spread (NaN λ_max: undecided).</summary>
    public static AttractorKind Classify(double maxExponent, double windowSpread, int windows)
    {
        if (!double.IsFinite(maxExponent))
        {
            return AttractorKind.Undecided;
        }

        var margin = Margin(windowSpread, windows);
        return maxExponent > margin ? AttractorKind.Chaotic : maxExponent < -margin ? AttractorKind.Ordered : AttractorKind.Undecided;
    }

    /// <summary>Classifies a usable Lyapunov result (anything else is undecided).</summary>
    public static AttractorKind Classify(LyapunovResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome.IsUsable ? Classify(result.MaxExponent, result.WindowSpread, result.WindowMaxExponents.Count) : AttractorKind.Undecided;
    }

    /// <summary>
    /// Whether runs of one network from several initial scales (kinds and ⟨h²⟩ per scale, same order) ended on different
    /// attractors: some pair (Chaotic, Ordered) whose activities differ by more than <see cref="ActivityContrast"/>.
    /// </summary>
    public static bool IsBistable(IReadOnlyList<AttractorKind> kinds, IReadOnlyList<double> meanSquareActivity)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(meanSquareActivity);
        for (var a = 0; a < kinds.Count; a++)
        {
            for (var b = 0; b < kinds.Count; b++)
            {
                if (kinds[a] == AttractorKind.Chaotic && kinds[b] == AttractorKind.Ordered &&
                    Contrasted(meanSquareActivity[a], meanSquareActivity[b]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Contrasted(double chaotic, double ordered) =>
        double.IsFinite(chaotic) && double.IsFinite(ordered) &&
        Math.Abs(chaotic - ordered) > ActivityContrast * Math.Max(Math.Abs(chaotic), Math.Abs(ordered));
}
