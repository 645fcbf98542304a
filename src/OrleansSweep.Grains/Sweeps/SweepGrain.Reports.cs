using Microsoft.Extensions.Logging;
using OrleansSweep.Contracts;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Grains.Sweeps;

public sealed partial class SweepGrain
{
    public async Task ReportAsync(CellAnalyzed result)
    {
        ArgumentNullException.ThrowIfNull(result);
        await CountAsync(result);
    }

    public async Task ReportManyAsync(IReadOnlyList<CellAnalyzed> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        // One by one through the same counting as a single report: a duplicate inside the batch, or of an earlier
        // report, is dropped by the schedule; fail-fast or completion in the middle of a batch still counts the rest,
        // since every result here is already stored.
        foreach (var result in results)
        {
            await CountAsync(result);
        }
    }

    /// <summary>Counts one reported result once; stops on fail-fast and completes the sweep on its last cell.</summary>
    private async Task CountAsync(CellAnalyzed result)
    {
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep {SweepId} ignored a report of cell {CellId} at index {Index}: not its cell")]
    private static partial void LogForeignReport(ILogger logger, Guid sweepId, string cellId, int index);
}
