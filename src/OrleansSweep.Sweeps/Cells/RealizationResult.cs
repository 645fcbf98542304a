namespace OrleansSweep.Sweeps.Cells;

/// <summary>What one realisation of a cell produced: metrics by column name, statuses, and short series.</summary>
internal sealed class RealizationResult
{
    public Dictionary<string, double?> Metrics { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Statuses { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, double[]> Series { get; } = new(StringComparer.Ordinal);

    /// <summary>Reasons an analysis did not converge or diverged (empty when all converged).</summary>
    public List<string> Problems { get; } = [];

    public void Set(string name, double value) => Metrics[name] = double.IsFinite(value) ? value : null;
}
