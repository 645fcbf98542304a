using System.Diagnostics;
using OrleansSweep.Contracts;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Theory;
using OrleansSweep.Sweeps.Grid;

namespace OrleansSweep.Sweeps.Cells;

/// <summary>
/// Computes one cell: every realisation (in parallel when the cell has several and cores are free), the theory
/// predictions once, and the aggregation into one compact <see cref="CellAnalyzed"/>.
/// </summary>
public sealed class CellAnalyzer(IDenseKernels kernels, int realizationParallelism = 1)
{
    private readonly RealizationAnalyzer realizations = new(kernels);

    /// <summary>Analyses the cell; numerical trouble is reported in the result, cancellation throws.</summary>
    public CellAnalyzed Analyze(Guid sweepId, CellDefinition cell, string worker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var clock = Stopwatch.StartNew();
        var results = new RealizationResult[cell.Realizations];
        Parallel.For(
            0,
            cell.Realizations,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, realizationParallelism), CancellationToken = cancellationToken },
            r => results[r] = realizations.Analyze(cell, r, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();

        var (metrics, statuses, series) = RealizationAggregator.Aggregate(results);
        if (cell.Analyses.Theory is not null)
        {
            foreach (var value in TheoryPredictions.For(cell.Family, cell.Parameters, cancellationToken))
            {
                var column = "theory_" + value.Name;
                metrics[column] = value.Value is { } v && !double.IsNaN(v) ? v : null; // ±∞ is meaningful (ξ on a critical line)
                statuses[column + "_status"] = RealizationAnalyzer.StatusText(value.Outcome);
            }
        }

        var problems = results.SelectMany((r, i) => r.Problems.Select(p => $"realisation {i}: {p}")).ToList();
        var status = problems.Count == 0 ? "ok" : "partial";
        return new CellAnalyzed(sweepId, cell.CellId, cell.Index, status, problems.Count == 0 ? null : string.Join("; ", problems),
            metrics, statuses, series, worker, clock.Elapsed.TotalSeconds);
    }
}
