using Microsoft.Extensions.Logging;
using OrleansSweep.Contracts;
using OrleansSweep.Contracts.Grains;
using OrleansSweep.Grains.Execution;
using OrleansSweep.Grains.Hosting;

namespace OrleansSweep.Grains.Cells;

/// <summary>
/// One grid cell (key: its content-addressed id). Runs the cell once on the silo's <see cref="CellExecutor"/>,
/// persists the result, then reports it to every sweep that asked, retrying until each acknowledges.
/// </summary>
/// <remarks>
/// Requests return at once; the computation and the reports run as background work of the activation, so the grain
/// stays responsive (a re-dispatch, a cancel, a result page) while its cell computes. Placement prefers the calling
/// silo: a silo's <see cref="CellPuller"/> takes cells when it has free threads and activates them locally.
/// </remarks>
[Orleans.Placement.PreferLocalPlacement]
public sealed partial class CellGrain(
    [PersistentState(CellGrain.StateName, StorageNames.Cells)] IPersistentState<CellRecord> stored,
    CellExecutor executor,
    ILogger<CellGrain> logger) : Grain, ICellGrain
{
    /// <summary>The name of the stored <see cref="CellRecord"/> (sweep grains read finished results by it).</summary>
    internal const string StateName = "cell";

    private const int MaxReportAttempts = 8;

    /// <summary>About a minute of retries: a Redis restart is survived without recomputing.</summary>
    private const int MaxStoreAttempts = 16;

    /// <summary>The sweeps waiting for this cell, with the grid index the cell has in each.</summary>
    private readonly Dictionary<Guid, int> subscribers = [];
    private CancellationTokenSource computation = new();
    private Task? running;

    /// <summary>True while a result is being written: it sits in the state object but is not durable yet.</summary>
    private bool storing;

    /// <summary>
    /// The stored result, once it is durable. Why not <c>stored.State.Result</c>: the computation runs as background
    /// work of the activation, so a request (a re-ask after the sweep grain moved, a result read) can run while the
    /// write is awaited, and would then report or return a result that a failed write, or a crash, loses. Seen on a
    /// branch where an activation that answered a re-ask also deactivated at once: a re-activated sweep grain
    /// counted such cells and then could not read them back (5 of 60 in a grain test, about one run in ten).
    /// </summary>
    private CellAnalyzed? Durable => storing ? null : stored.State.Result;

    public Task StartAsync(AnalyzeCell work)
    {
        ArgumentNullException.ThrowIfNull(work);
        subscribers[work.SweepId] = work.CellIndex;
        if (Durable is { } result)
        {
            _ = ReportAsync(work.SweepId, work.CellIndex, result);
        }
        else if (running is null || running.IsCompleted)
        {
            if (computation.IsCancellationRequested)
            {
                computation.Dispose();
                computation = new CancellationTokenSource(); // wanted again after a cancel
            }

            running = ComputeAsync(work);
        }

        return Task.CompletedTask;
    }

    public Task CancelAsync(Guid sweepId)
    {
        subscribers.Remove(sweepId);
        if (subscribers.Count == 0 && running is { IsCompleted: false })
        {
            computation.Cancel();
        }

        return Task.CompletedTask;
    }

    public Task<CellAnalyzed?> GetResultAsync(Guid sweepId, int cellIndex) =>
        Task.FromResult(Durable is { } result ? AddressedTo(result, sweepId, cellIndex) : null);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        computation.Cancel(); // a deactivated cell stops computing; the sweep re-dispatches it if it still wants it
        computation.Dispose();
        return Task.CompletedTask;
    }

    private async Task ComputeAsync(AnalyzeCell work)
    {
        CellAnalyzed? result;
        try
        {
            result = await executor.RunAsync(work, computation.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (result is null)
        {
            return; // cancelled: nothing stored, nothing reported (a sweep that still wants it asks again)
        }

        // Durable before anybody hears of it: a report may be acknowledged, and then nothing must be lost.
        if (!await StoreAsync(result))
        {
            return; // storage is away: nothing reported; the sweep asks again and the cell is computed again
        }
        foreach (var (sweepId, index) in subscribers.ToList())
        {
            await ReportAsync(sweepId, index, result);
        }

        if (subscribers.Count == 0)
        {
            DeactivateOnIdle(); // finished cells go idle, so a 100,000-cell sweep keeps a flat memory
        }
    }

    /// <summary>Writes the result, retrying (bounded) through a storage outage; false when it could not be stored.</summary>
    private async Task<bool> StoreAsync(CellAnalyzed result)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        storing = true;
        try
        {
            for (var attempt = 1; attempt <= MaxStoreAttempts; attempt++)
            {
                stored.State.Result = result;
                try
                {
                    await stored.WriteStateAsync();
                    return true;
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    stored.State.Result = null; // never answer from a result that is not durable
                    LogStoreRetry(logger, exception, result.CellId, attempt);
                    await Task.Delay(delay);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
                }
            }

            return false;
        }
        finally
        {
            storing = false;
        }
    }

    /// <summary>
    /// Reports to one sweep with bounded retries. If every attempt fails, the sweep grain asks again for the
    /// unreported cell (its overdue timer), and this grain answers from its stored result.
    /// </summary>
    private async Task ReportAsync(Guid sweepId, int cellIndex, CellAnalyzed result)
    {
        var sweep = GrainFactory.Sweep(sweepId);
        var delay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; attempt <= MaxReportAttempts; attempt++)
        {
            try
            {
                await sweep.ReportAsync(AddressedTo(result, sweepId, cellIndex));
                subscribers.Remove(sweepId);
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogReportRetry(logger, exception, result.CellId, sweepId, attempt);
                await Task.Delay(delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    /// <summary>A stored result re-addressed to the sweep that asks (the same cell may sit at another index there).</summary>
    internal static CellAnalyzed AddressedTo(CellAnalyzed result, Guid sweepId, int cellIndex) =>
        result.SweepId == sweepId && result.CellIndex == cellIndex ? result : result with { SweepId = sweepId, CellIndex = cellIndex };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing cell {CellId} failed (attempt {Attempt}); retrying")]
    private static partial void LogStoreRetry(ILogger logger, Exception exception, string cellId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting cell {CellId} to sweep {SweepId} failed (attempt {Attempt}); retrying")]
    private static partial void LogReportRetry(ILogger logger, Exception exception, string cellId, Guid sweepId, int attempt);
}
