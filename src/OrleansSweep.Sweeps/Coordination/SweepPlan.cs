using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Refinement;

namespace OrleansSweep.Sweeps.Coordination;

/// <summary>Everything the coordinator needs to run a sweep and write its outputs.</summary>
/// <param name="SweepId">Derived from the spec fingerprint, so re-running the same spec resumes the same sweep.</param>
/// <param name="Fingerprint">Hash of everything in the spec that affects numbers.</param>
/// <param name="Name">The spec's name.</param>
/// <param name="Model">The model family's spec name (vanilla, rate, minimal, gru, lstm, gated).</param>
/// <param name="SpecJson">The canonical spec, stored with the results and in the Parquet metadata.</param>
/// <param name="Axes">The grid axes in spec order (the last varies fastest).</param>
/// <param name="Cells">Every cell in grid order (a refined sweep: its coarse cells; children come from <see cref="CellAt"/>).</param>
/// <param name="OutputFolder">Where the phase map, pictures and report are written.</param>
public sealed record SweepPlan(
    Guid SweepId,
    string Fingerprint,
    string Name,
    string Model,
    string SpecJson,
    IReadOnlyList<PlanAxis> Axes,
    IReadOnlyList<PlannedCell> Cells,
    string OutputFolder)
{
    /// <summary>The adaptive refinement of a spec with a <c>refine</c> block; null for a plain grid sweep.</summary>
    public RefinementPlan? Refinement { get; init; }

    /// <summary>
    /// The cell with index <paramref name="index"/>: a grid cell, or in a refined sweep any cell of the refinement
    /// (indices above the coarse cells are sparse; see docs/refinement.md). Throws for an index of no cell.
    /// </summary>
    public PlannedCell CellAt(int index)
    {
        if (index >= 0 && index < Cells.Count)
        {
            return Cells[index];
        }

        if (Refinement is null)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The sweep has {Cells.Count} cells.");
        }

        return SweepPlanner.PlanCell(SweepId, Refinement.CellAt(index));
    }
}

/// <summary>One grid axis: a parameter symbol (or "n") and its points.</summary>
public sealed record PlanAxis(string Parameter, IReadOnlyList<double> Values, bool Logarithmic);

/// <summary>One cell of the plan: the command sent to a worker plus what the phase map needs to place it.</summary>
public sealed record PlannedCell(AnalyzeCell Command, IReadOnlyDictionary<string, double> AxisValues, int N, int Realizations)
{
    /// <summary>0 for a grid cell; in a refined sweep, how many times the cell's coarse cell was halved.</summary>
    public int Depth { get; init; }

    /// <summary>In a refined sweep, the interval the cell covers along each refined axis, in grid order; empty otherwise.</summary>
    public IReadOnlyList<CellExtent> Extents { get; init; } = [];
}
