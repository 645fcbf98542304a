using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrleansSweep.Contracts;
using OrleansSweep.Contracts.Grains;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Grains.Sweeps;

public sealed partial class SweepGrain
{
    /// <summary>Dispatched, unreported cells by grid index, with when each was last asked.</summary>
    private readonly Dictionary<int, long> inFlight = [];

    /// <summary>The next grid index to consider; cells below it are counted or in flight.</summary>
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

        var index = result.CellIndex;
        if (index < 0 || index >= plan!.Cells.Count || plan.Cells[index].Command.CellId != result.CellId)
        {
            LogForeignReport(logger, SweepId, result.CellId, index);
            return;
        }

        inFlight.Remove(index);
        if (!progress!.MarkDone(index, result.Status == "failed"))
        {
            duplicates++;
            SweepTelemetry.RecordReportedAgain();
            return;
        }

        countedHere++;
        SweepTelemetry.RecordCellRecorded(plan.Model, result.Status);
        cellsBySilo[result.Worker] = cellsBySilo.GetValueOrDefault(result.Worker) + 1;
        if (record.State.State != SweepStates.Running)
        {
            return; // counted (it is stored), but a stopped sweep dispatches nothing more
        }

        if (record.State.FailFast && result.Status == "failed")
        {
            await StopAsync(SweepStates.Stopped, $"--fail-fast: {result.Error ?? "a cell failed"}");
        }
        else if (progress.IsComplete)
        {
            await CompleteAsync();
        }
        else
        {
            Dispatch();
        }
    }

    /// <summary>Fills the window with the next uncounted cells (one-way calls: never waits on a silo).</summary>
    private void Dispatch()
    {
        if (record.State.State != SweepStates.Running || plan is null)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        while (inFlight.Count < settings.CellsInFlight && cursor < plan.Cells.Count)
        {
            var index = cursor++;
            if (!progress!.IsDone(index) && inFlight.TryAdd(index, now))
            {
                Ask(index);
            }
        }
    }

    private void Ask(int index)
    {
        // Outside the current trace: each cell's grain calls start a trace of their own, not one more branch of the
        // sweep's (or of the reporting cell's) trace. The cell span links to the sweep span instead.
        using var detached = SweepTelemetry.DetachTrace();
        CellOf(index).StartAsync(plan!.Cells[index].Command with { SweepTraceParent = record.State.TraceParent }).Ignore();
    }

    private ICellGrain CellOf(int index) => GrainFactory.GetGrain<ICellGrain>(plan!.Cells[index].Command.CellId);

    private async Task CompleteAsync()
    {
        record.State.State = SweepStates.Completed;
        record.State.Reason = null;
        inFlight.Clear();
        await FlushAsync(CancellationToken.None);
        await record.WriteStateAsync();
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

        var now = Stopwatch.GetTimestamp();
        var overdue = inFlight.Where(kv => Stopwatch.GetElapsedTime(kv.Value, now) >= settings.AskAgainAfter).Select(kv => kv.Key).ToList();
        foreach (var index in overdue)
        {
            inFlight[index] = now;
            Ask(index);
        }

        Dispatch();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep {SweepId} ignored a report of cell {CellId} at index {Index}: not its cell")]
    private static partial void LogForeignReport(ILogger logger, Guid sweepId, string cellId, int index);
}
