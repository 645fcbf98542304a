using System.Security.Cryptography;
using System.Text;
using OrleansSweep.Contracts;
using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Grid;
using OrleansSweep.Sweeps.Refinement;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Coordination;

/// <summary>Turns a validated spec into a <see cref="SweepPlan"/>: identity, axes and one command per cell.</summary>
public static class SweepPlanner
{
    /// <summary>The sweep id of a spec: a pure function of its fingerprint, so re-running the same spec resumes it.</summary>
    public static Guid SweepIdOf(string fingerprint) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("orleanssweep/sweep-id|" + fingerprint)).AsSpan(0, 16));

    public static SweepPlan Plan(ValidatedSweep sweep, string outputFolder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var sweepId = SweepIdOf(sweep.Fingerprint);
        var refinement = sweep.Spec.Refine is null ? null : new RefinementPlan(sweep);
        var cells = SweepGrid.Expand(sweep, cancellationToken)
            .Select(cell => refinement is null ? PlanCell(sweepId, cell) : PlanCell(sweepId, refinement.CellAt(cell.Index)))
            .ToList();
        var axes = sweep.Spec.Grid
            .Select(axis => new PlanAxis(axis.Name, axis.Points(), axis is RangeAxis { Scale: AxisScale.Log }))
            .ToList();
        return new SweepPlan(sweepId, sweep.Fingerprint, sweep.Spec.Name, ModelCatalog.NameOf(sweep.Spec.Model), sweep.CanonicalJson, axes, cells, outputFolder)
        {
            Refinement = refinement,
        };
    }

    /// <summary>The plan's entry for one grid cell: its command and where the phase map places it.</summary>
    public static PlannedCell PlanCell(Guid sweepId, CellDefinition cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return new PlannedCell(new AnalyzeCell(sweepId, cell.CellId, cell.Index, CellCodec.Encode(cell)), cell.AxisValues, cell.N, cell.Realizations);
    }

    /// <summary>The plan's entry for a cell of a refinement, with its depth and extents.</summary>
    public static PlannedCell PlanCell(Guid sweepId, RefinedCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return PlanCell(sweepId, cell.Cell) with { Depth = cell.Depth, Extents = cell.Extents };
    }
}
