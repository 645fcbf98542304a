using System.Diagnostics;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Benchmarks.Engine;

/// <summary>The same cells through <see cref="CellWorker"/> alone, one after the other: the science's share of a cell.</summary>
internal static class DirectRun
{
    public static async Task<TimeSpan> RunAsync(ValidatedSweep sweep, CancellationToken cancellationToken)
    {
        var plan = SweepPlanner.Plan(sweep, Path.GetTempPath(), cancellationToken);
        var worker = new CellWorker(DenseKernels.Default, "bench-direct");
        var clock = Stopwatch.StartNew();
        foreach (var cell in plan.Cells)
        {
            var result = await worker.AnalyzeAsync(cell.Command, cancellationToken).ConfigureAwait(false);
            if (result is null || result.Status == "failed")
            {
                throw new InvalidOperationException($"Cell {cell.Command.CellIndex} failed: {result?.Error}");
            }
        }

        return clock.Elapsed;
    }
}
