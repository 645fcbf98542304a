using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansSweep.Contracts.Grains;
using OrleansSweep.Grains.Hosting;

namespace OrleansSweep.Grains.Execution;

/// <summary>
/// Takes cells for this silo when its executor has room, from the running sweeps in the registry, and activates their
/// cell grains here (they prefer local placement). The pull model: cells go where there are free threads.
/// </summary>
/// <remarks>
/// Why pull: with push and default placement every cell landed on the sweep grain's silo; with random placement the
/// split is binomial (a 64-cell sweep on 2 silos is often 38/26) and a silo's queue can hold slow cells while another
/// idles. Here each silo holds what <see cref="InFlightBound"/> allows — for real cells, one per thread plus one
/// waiting — and asks again when a cell finishes; so the split follows each silo's cores, to the last cell.
/// </remarks>
public sealed partial class CellPuller(
    CellExecutor executor,
    IGrainFactory grains,
    ILogger<CellPuller> logger) : BackgroundService
{
    /// <summary>How long an idle silo waits before looking for work again (a finished cell wakes it at once).</summary>
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a list of running sweeps that still yields cells is used before the registry is asked again:
    /// a sweep started meanwhile waits at most this long for this silo, and no pull pays a registry call.</summary>
    private static readonly TimeSpan RegistryRefresh = TimeSpan.FromSeconds(1);

    private IReadOnlyList<Guid> running = [];
    private long runningReadAt;
    private int rotation;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var took = 0;
            try
            {
                took = await PullAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                running = []; // Redis or a silo is away: ask the registry afresh, shortly
                LogPullFailed(logger, exception);
            }

            if (took == 0)
            {
                await executor.WaitForRoomAsync(IdlePoll, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>What this silo may hold for cells of <paramref name="sweepId"/>, from its recent cell and pull timings.</summary>
    public InFlightBound BoundFor(Guid sweepId) =>
        InFlightBound.For(executor.Threads, executor.Timings.CellSecondsOf(sweepId), executor.Timings.RecentStartSeconds);

    private int Held() => executor.Busy + executor.Queued + executor.Starting;

    private async Task<int> PullAsync(CancellationToken cancellationToken)
    {
        if (Held() > executor.Threads && running.Count == 0 && executor.Busy > 0)
        {
            return 0; // full for real cells, and no sweep known whose short cells would allow more: wait for a cell
        }

        var sweeps = await RunningSweepsAsync(cancellationToken);
        var askedAt = Stopwatch.GetTimestamp();
        var (asked, took) = (0, 0);
        for (var i = 0; i < sweeps.Count; i++)
        {
            // Round robin over the running sweeps, so two sweeps share a cluster instead of queueing one behind the other.
            var sweepId = sweeps[(rotation + i) % sweeps.Count];
            var bound = BoundFor(sweepId);
            var room = bound.Capacity - Held();
            if (room < bound.PullAt)
            {
                continue;
            }

            asked++;
            var cells = await grains.Sweep(sweepId).TakeCellsAsync(executor.WorkerName, room).WaitAsync(cancellationToken);
            // One-way starts, sent together: each returns once sent, and the cells activate side by side.
            var starts = new Task[cells.Count];
            for (var c = 0; c < cells.Count; c++)
            {
                executor.NoteStarting(cells[c].CellId, askedAt);
                starts[c] = grains.Cell(cells[c].CellId).StartAsync(cells[c]);
            }

            await Task.WhenAll(starts);
            took += cells.Count;
        }

        if (asked > 0 && took == 0)
        {
            running = []; // the running sweeps had nothing to take: the next pull asks the registry
        }

        rotation++;
        return took;
    }

    /// <summary>The running sweeps: the list last read while it still yields cells, else the registry's.</summary>
    private async Task<IReadOnlyList<Guid>> RunningSweepsAsync(CancellationToken cancellationToken)
    {
        if (running.Count > 0 && Stopwatch.GetElapsedTime(runningReadAt) < RegistryRefresh)
        {
            return running;
        }

        running = await grains.GetGrain<ISweepRegistryGrain>(0).RunningAsync().WaitAsync(cancellationToken);
        runningReadAt = Stopwatch.GetTimestamp();
        executor.Timings.Retain(running);
        return running;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taking cells failed; trying again")]
    private static partial void LogPullFailed(ILogger logger, Exception exception);
}
