using OrleansSweep.Contracts;

namespace OrleansSweep.Sweeps.Coordination;

/// <summary>Turns a complete set of cell results into the sweep's outputs (phase map, pictures, report).</summary>
public interface ISweepFinisher
{
    /// <summary>Writes the outputs and returns the phase map's path.</summary>
    Task<string> FinishAsync(SweepPlan plan, IReadOnlyList<CellAnalyzed> results, CancellationToken cancellationToken);
}
