using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Refinement;

/// <summary>
/// The noise the split rule and the boundary allow for when the cells share their networks (<see cref="Disorder.Shared"/>)
/// and the refined metric is λ_max: the finite-averaging-time part alone, window spread / √(windows · realisations).
/// </summary>
/// <remarks>
/// With shared disorder realisation r is one network at every point, so the draw's error is common to neighbouring
/// cells and cancels in their difference; what separates them is finite averaging time (the windows of a run taken as
/// independent). Each cell's SEM counts the draw too, about 3× the time part near the gated RNN's edge of chaos
/// (measured, N = 100), and would stop refinement early. The boundary found is then that of these networks' mean, with
/// the uncertainty of that estimate; its offset from the ensemble's is common to the map. Other metrics (no window
/// spread) or per-cell disorder: the SEM, as always. A spec has at least two windows (the validator's rule).
/// </remarks>
internal sealed class SharedDisorderNoise
{
    private readonly double perSpread;

    private SharedDisorderNoise(int windows, int realizations)
    {
        perSpread = 1 / Math.Sqrt(windows * (double)realizations);
        DegreesOfFreedom = realizations * (windows - 1);
    }

    /// <summary>Of the estimate: each realisation's window spread has windows − 1, pooled over the realisations.</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>The rule for <paramref name="spec"/>; null when its cells' SEMs are the noise to allow for.</summary>
    public static SharedDisorderNoise? For(SweepSpec spec, string metric) =>
        spec.Disorder == Disorder.Shared && metric == CellMetrics.LyapunovMax && spec.Analyses.Lyapunov is { } lyapunov
            ? new SharedDisorderNoise(lyapunov.Windows, spec.Realizations)
            : null;

    /// <summary>The time part of the cell's λ_max error; null when the cell has no window spread.</summary>
    public double? Of(IReadOnlyDictionary<string, double?> metrics) =>
        metrics.GetValueOrDefault(CellMetrics.LyapunovWindowSpread) is { } spread && double.IsFinite(spread) ? spread * perSpread : null;
}
