using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrleansSweep.Contracts;
using OrleansSweep.Contracts.Grains;
using OrleansSweep.Grains.Hosting;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Grains.Sweeps;

public sealed partial class SweepGrain
{
    /// <summary>Dispatched, unreported cells by ordinal (see <see cref="ISweepSchedule"/>), with when each was last asked.</summary>
    private readonly Dictionary<int, long> inFlight = [];

    /// <summary>The next ordinal to consider; cells below it are counted or in flight.</summary>
    private int cursor;

    public async Task ReportAsync(CellAnalyzed result)
    {
        ArgumentNullException.ThrowIfNull(result);
        reported++;
        if (plan is null)
        {
            if (record.State.SpecJson is null)
            {
                return; // not a sweep this grain knows: nothing to count
            }

            await LoadAsync(CancellationToken.None);
        }

        if (!schedule!.TryFind(result.CellIndex, result.CellId, out var ordinal))
        {
            LogForeignReport(logger, SweepId, result.CellId, result.CellIndex);
            return;
        }

        inFlight.Remove(ordinal);
        if (!schedule.TryCount(ordinal, result))
        {
            duplicates++;
            SweepTelemetry.RecordReportedAgain();
            if (schedule.IsComplete && record.State.State == SweepStates.Running)
            {
                await CompleteAsync(); // an earlier completion could not be stored: try again
            }

            return;
        }

        countedHere++;
        SweepTelemetry.RecordCellRecorded(plan!.Model, result.Status);
        cellsBySilo[result.Worker] = cellsBySilo.GetValueOrDefault(result.Worker) + 1;
        if (record.State.State != SweepStates.Running)
        {
            return; // counted (it is stored), but a stopped sweep dispatches nothing more
        }

        if (record.State.FailFast && result.Status == "failed")
        {
            await StopAsync(SweepStates.Stopped, $"--fail-fast: {result.Error ?? "a cell failed"}");
        }
        else if (schedule.IsComplete)
        {
            await CompleteAsync();
        }
    }

    public async Task<IReadOnlyList<AnalyzeCell>> TakeCellsAsync(string worker, int count)
    {
        if (plan is null && record.State.State == SweepStates.Running)
        {
            await LoadAsync(CancellationToken.None);
        }

        if (record.State.State != SweepStates.Running || schedule is null)
        {
            return [];
        }

        var now = Stopwatch.GetTimestamp();
        var taken = new List<AnalyzeCell>();
        var room = Math.Min(count, settings.CellsInFlight - inFlight.Count);
        while (taken.Count < room && cursor < schedule.Count)
        {
            var ordinal = cursor++;
            if (!schedule.IsDone(ordinal) && inFlight.TryAdd(ordinal, now))
            {
                taken.Add(CommandOf(ordinal));
            }
        }

        return taken;
    }

    private AnalyzeCell CommandOf(int ordinal) => schedule!.CellAt(ordinal).Command with { SweepTraceParent = record.State.TraceParent };

    /// <summary>Asks a cell again (one-way): a no-op where it is computing, a reply from storage where it is done, a new
    /// computation where its silo died.</summary>
    private void Ask(int ordinal)
    {
        // Outside the current trace: each cell's grain calls start a trace of their own, not one more branch of the
        // sweep's (or of the reporting cell's) trace. The cell span links to the sweep span instead.
        using var detached = SweepTelemetry.DetachTrace();
        CellOf(ordinal).StartAsync(CommandOf(ordinal)).Ignore();
    }

    private ICellGrain CellOf(int ordinal) => GrainFactory.Cell(schedule!.CellAt(ordinal).Command.CellId);

    private async Task CompleteAsync()
    {
        // Completed only once stored: if storage is away, the sweep stays running and completes at a later tick.
        record.State.State = SweepStates.Completed;
        record.State.Reason = null;
        try
        {
            await FlushAsync(CancellationToken.None);
            await record.WriteStateAsync();
        }
        catch
        {
            record.State.State = SweepStates.Running;
            throw;
        }

        inFlight.Clear();
        await Registry.UnregisterAsync(SweepId);
        await UnregisterWatchdogAsync();
    }

    /// <summary>Stores changed progress shards and asks again for cells unreported for too long.</summary>
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        if (record.State.State != SweepStates.Running)
        {
            return;
        }

        if (schedule is { IsComplete: true })
        {
            await CompleteAsync(); // an earlier completion could not be stored (storage was away)
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var overdue = inFlight.Where(kv => Stopwatch.GetElapsedTime(kv.Value, now) >= settings.AskAgainAfter).Select(kv => kv.Key).ToList();
        foreach (var ordinal in overdue)
        {
            inFlight[ordinal] = now;
            Ask(ordinal);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep {SweepId} ignored a report of cell {CellId} at index {Index}: not its cell")]
    private static partial void LogForeignReport(ILogger logger, Guid sweepId, string cellId, int index);
}
