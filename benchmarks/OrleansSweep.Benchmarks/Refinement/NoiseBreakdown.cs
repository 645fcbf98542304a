using System.Globalization;
using OrleansSweep.Sweeps.Cells;

namespace OrleansSweep.Benchmarks.Refinement;

/// <summary>
/// What a cell's λ_max noise near the level is made of: the SEM over realisations (network and initial state drawn
/// anew, plus finite averaging time) against the part that finite averaging time alone leaves,
/// window spread / √(windows · realisations) (the windows of one run taken as independent).
/// </summary>
/// <remarks>
/// Why it matters for refinement: neighbouring cells draw independent networks, so the whole SEM separates two
/// estimates of the boundary. Were the networks shared between cells (common random numbers), only the time part
/// would, and the boundary would be as sharp as the SEMs were √(time share of the variance) times smaller.
/// </remarks>
internal static class NoiseBreakdown
{
    public static string Describe(RefinedRun run, int windows, int realizations, double band)
    {
        var near = run.Results
            .Select(r => (Mean: r.Metrics.GetValueOrDefault(CellMetrics.LyapunovMax),
                Sem: r.Metrics.GetValueOrDefault(CellMetrics.LyapunovMax + "_sem"),
                Spread: r.Metrics.GetValueOrDefault(CellMetrics.LyapunovWindowSpread)))
            .Where(c => c.Mean is { } m && Math.Abs(m) < band && c.Sem is > 0 && c.Spread is >= 0)
            .ToList();
        if (near.Count == 0)
        {
            return $"  noise near λ_max = 0 (|λ_max| < {band}): no cells";
        }

        var sem = Median(near.Select(c => c.Sem!.Value));
        var time = Median(near.Select(c => c.Spread!.Value)) / Math.Sqrt(windows * realizations);
        return string.Create(CultureInfo.InvariantCulture,
            $"  noise near λ_max = 0 (|λ_max| < {band}, {near.Count} cells): median SEM {sem:F4}, of which finite averaging time {time:F4} ({100 * time * time / (sem * sem):F0} % of the variance); the rest is network and initial state");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
