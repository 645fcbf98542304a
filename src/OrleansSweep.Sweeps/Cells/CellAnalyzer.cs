using System.Diagnostics;
using OrleansSweep.Contracts;
using OrleansSweep.Science;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Theory;
using OrleansSweep.Sweeps.Grid;
using static OrleansSweep.Telemetry.SweepTelemetry;

namespace OrleansSweep.Sweeps.Cells;

/// <summary>
/// Computes one cell: every realisation (in parallel when the cell has several and cores are free), the theory
/// predictions once, and the aggregation into one compact <see cref="CellAnalyzed"/>.
/// </summary>
/// <remarks>
/// Traced under the caller's current (cell) span: one <c>realization</c> span per realisation — the ambient span flows
/// into <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>'s workers — and one <c>theory</c> span.
/// </remarks>
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
            r => results[r] = AnalyzeRealization(cell, r, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();

        var (metrics, statuses, series) = RealizationAggregator.Aggregate(results);
        if (cell.Analyses.Theory is not null)
        {
            var predictions = TraceAnalysis(Spans.Theory, ModelCatalog.NameOf(cell.Family),
                () => TheoryPredictions.For(cell.Family, cell.Parameters, cancellationToken), TheoryOutcome, DescribeTheory);
            TheoryColumns.Record(predictions, metrics, statuses);
            if (cell.Analyses.Isometry is { } isometry)
            {
                // The T-step predictions depend on the isometry knob T, so they are computed beside the analysis.
                TheoryColumns.Record(TheoryPredictions.Isometry(cell.Family, cell.Parameters, isometry.Steps, cancellationToken), metrics, statuses);
            }
        }

        var problems = results.SelectMany((r, i) => r.Problems.Select(p => $"realisation {i}: {p}")).ToList();
        var status = problems.Count == 0 ? "ok" : "partial";
        return new CellAnalyzed(sweepId, cell.CellId, cell.Index, status, problems.Count == 0 ? null : string.Join("; ", problems),
            metrics, statuses, series, worker, clock.Elapsed.TotalSeconds);
    }

    private RealizationResult AnalyzeRealization(CellDefinition cell, int realization, CancellationToken cancellationToken)
    {
        using var span = StartRealization(realization);
        try
        {
            var result = realizations.Analyze(cell, realization, cancellationToken);
            var problems = result.Problems.Count;
            SetOutcome(span, problems == 0 ? Statuses.Ok : Statuses.Partial, problems == 0 ? null : string.Join("; ", result.Problems));
            span?.SetTag(Attributes.Problems, problems);
            return result;
        }
        catch (Exception exception)
        {
            RecordException(span, exception);
            throw;
        }
    }

    /// <summary>Converged when every value is solved or not applicable; else the unsolved values are the reason.</summary>
    private static (string Status, string? Reason) TheoryOutcome(TheoryValues values)
    {
        var unsolved = Unsolved(values).Select(v => $"{v.Name}: {RealizationAnalyzer.StatusText(v.Outcome)}").ToList();
        return unsolved.Count == 0 ? (Statuses.Converged, null) : (Statuses.NotConverged, string.Join("; ", unsolved));
    }

    private static void DescribeTheory(Activity span, TheoryValues values)
    {
        span.SetTag(Attributes.TheoryValues, values.Count);
        span.SetTag(Attributes.TheoryUnsolved, Unsolved(values).Count());
        foreach (var value in values)
        {
            if (value.Value is { } v)
            {
                SetResult(span, Attributes.TheoryPrefix + value.Name, v);
            }
        }
    }

    private static IEnumerable<TheoryValue> Unsolved(TheoryValues values) =>
        values.Where(v => v.Outcome.Status is AnalysisStatus.NotConverged or AnalysisStatus.Diverged);
}
