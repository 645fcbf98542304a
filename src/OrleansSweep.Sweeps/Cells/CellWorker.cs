using System.Diagnostics;
using OrleansSweep.Contracts;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;
using static OrleansSweep.Telemetry.SweepTelemetry;

namespace OrleansSweep.Sweeps.Cells;

/// <summary>
/// The worker behind a cell "grain": decodes the command, runs <see cref="CellAnalyzer"/> off the caller's thread,
/// and turns any failure into a "failed" result with its error, so one bad cell never stops a sweep.
/// </summary>
/// <remarks>
/// Telemetry: one <c>cell</c> span per call, the root of a trace of its own linked to the sweep span (the command's
/// <see cref="AnalyzeCell.SweepTraceParent"/>); the cell counts as in flight on this worker while it runs and its
/// duration is recorded (the silo's executor records the queue wait).
/// </remarks>
public sealed class CellWorker(IDenseKernels kernels, string workerName, int realizationParallelism = 1) : ICellWorker
{
    /// <summary>Aggregated metrics shown on the cell span: the headline results of a phase-map point.</summary>
    private static readonly (string Metric, string Attribute)[] Headlines =
    [
        (CellMetrics.LyapunovMax, Attributes.LyapunovMax),
        (CellMetrics.LyapunovWindowSpread, Attributes.LyapunovWindowSpread),
        (CellMetrics.FixedPoints, Attributes.FixedPointsCount),
        (CellMetrics.SpectralRadius, Attributes.SpectralRadius),
    ];

    private readonly CellAnalyzer analyzer = new(kernels, realizationParallelism);

    /// <summary>Computes the cell off the caller's thread (on the shared pool); see <see cref="Analyze"/>.</summary>
    public Task<CellAnalyzed?> AnalyzeAsync(AnalyzeCell command, CancellationToken cancellationToken) =>
        Task.Run(() => Analyze(command, cancellationToken), cancellationToken);

    /// <summary>
    /// Computes the cell on the calling thread (a silo's cell executor owns its threads). Returns null when cancelled;
    /// a failing cell is a "failed" result, never an exception.
    /// </summary>
    public CellAnalyzed? Analyze(AnalyzeCell command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var span = StartCell(ParseTraceParent(command.SweepTraceParent), command.SweepId, command.CellId, command.CellIndex, workerName);
        using var inFlight = BeginInFlight(workerName);
        var started = Stopwatch.GetTimestamp();
        string? model = null;
        try
        {
            var cell = CellCodec.Decode(command.CellJson);
            model = ModelCatalog.NameOf(cell.Family);
            DescribeCell(span, model, cell.N, cell.Realizations, cell.Parameters);

            var result = analyzer.Analyze(command.SweepId, cell, workerName, cancellationToken);
            Describe(span, result);
            RecordCellDuration(model, result.Status, Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            RecordException(span, exception); // an outcome ("cancelled"), not an error
            return null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            RecordException(span, exception);
            RecordCellDuration(model, Statuses.Failed, Stopwatch.GetElapsedTime(started));
            return Failed(command, exception);
        }
    }

    private static void Describe(Activity? span, CellAnalyzed result)
    {
        SetOutcome(span, result.Status, result.Error);
        if (span is not { IsAllDataRequested: true })
        {
            return;
        }

        foreach (var (metric, attribute) in Headlines)
        {
            if (result.Metrics.TryGetValue(metric, out var value) && value is { } v)
            {
                SetResult(span, attribute, v);
            }
        }
    }

    private CellAnalyzed Failed(AnalyzeCell command, Exception exception) => new(
        command.SweepId, command.CellId, command.CellIndex, "failed", $"{exception.GetType().Name}: {exception.Message}",
        new Dictionary<string, double?>(), new Dictionary<string, string>(), new Dictionary<string, double[]>(), workerName, 0);
}
