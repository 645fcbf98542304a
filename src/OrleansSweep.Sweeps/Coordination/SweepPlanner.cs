using System.Security.Cryptography;
using System.Text;
using OrleansSweep.Contracts;
using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Grid;
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
        var cells = SweepGrid.Expand(sweep, cancellationToken)
            .Select(cell => new PlannedCell(
                new AnalyzeCell(sweepId, cell.CellId, cell.Index, CellCodec.Encode(cell)),
                cell.AxisValues,
                cell.N,
                cell.Realizations))
            .ToList();
        var axes = sweep.Spec.Grid
            .Select(axis => new PlanAxis(axis.Name, axis.Points(), axis is RangeAxis { Scale: AxisScale.Log }))
            .ToList();
        return new SweepPlan(sweepId, sweep.Fingerprint, sweep.Spec.Name, ModelCatalog.NameOf(sweep.Spec.Model), sweep.CanonicalJson, axes, cells, outputFolder);
    }
}
