namespace OrleansSweep.Sweeps.Refinement;

/// <summary>
/// A computed cell as the refiner sees it: its index (<c>CellAnalyzed.CellIndex</c>) and the refined metric's mean and
/// standard error. Every computed cell must be given, failed ones too (with a null mean), or the refiner asks for them again.
/// </summary>
/// <param name="Index">The cell's index in the refinement (see <see cref="RefinementPlan.CellAt"/>).</param>
/// <param name="Mean">The metric's mean over realisations; null (or not finite) when missing or failed.</param>
/// <param name="Sem">Its standard error (the <c>&lt;metric&gt;_sem</c> column); null when unknown (one realisation, a theory value): treated as exact.</param>
public sealed record RefineSample(int Index, double? Mean, double? Sem)
{
    /// <summary>The sample of a cell from its aggregated metrics (<c>CellAnalyzed.Metrics</c>): <paramref name="metric"/> and <c>&lt;metric&gt;_sem</c>.</summary>
    public static RefineSample FromMetrics(int index, IReadOnlyDictionary<string, double?> metrics, string metric)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentException.ThrowIfNullOrEmpty(metric);
        return new RefineSample(index, metrics.GetValueOrDefault(metric), metrics.GetValueOrDefault(metric + "_sem"));
    }

    /// <summary>Whether the mean is usable: present and finite (ξ = ∞ on a critical line has no level crossing to interpolate).</summary>
    internal bool HasValue => Mean is { } mean && double.IsFinite(mean);

    /// <summary>The standard error to allow for: 0 when unknown or not finite.</summary>
    internal double Noise => Sem is { } sem && double.IsFinite(sem) && sem > 0 ? sem : 0;
}
