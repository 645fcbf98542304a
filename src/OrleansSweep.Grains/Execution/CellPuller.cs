using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
/// idles. Here each silo keeps <see cref="CellExecutorOptions.Threads"/> cells running plus one queued, and asks
/// again the moment a cell finishes; so the split follows each silo's cores, to the last cell.
/// </remarks>
public sealed partial class CellPuller(
    CellExecutor executor,
    IGrainFactory grains,
    IOptions<CellExecutorOptions> options,
    ILogger<CellPuller> logger) : BackgroundService
{
    /// <summary>How long an idle silo waits before looking for work again (a finished cell wakes it at once).</summary>
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(100);

    /// <summary>Cells held per silo: one per thread plus one waiting, so a finished cell is replaced at once and the
    /// tail of a sweep is not stuck in one silo's queue while another silo idles.</summary>
    private readonly int capacity = options.Value.Threads + 1;
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
                LogPullFailed(logger, exception); // Redis or a silo is away: try again shortly
            }

            if (took == 0 || Room() == 0)
            {
                await executor.WaitForRoomAsync(IdlePoll, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private int Room() => Math.Max(0, capacity - executor.Busy - executor.Queued - executor.Starting);

    private async Task<int> PullAsync(CancellationToken cancellationToken)
    {
        var room = Room();
        if (room == 0)
        {
            return 0;
        }

        var running = await grains.GetGrain<ISweepRegistryGrain>(0).RunningAsync().WaitAsync(cancellationToken);
        var took = 0;
        for (var i = 0; i < running.Count && took < room; i++)
        {
            // Round robin over the running sweeps, so two sweeps share a cluster instead of queueing one behind the other.
            var sweepId = running[(rotation + i) % running.Count];
            var cells = await grains.Sweep(sweepId).TakeCellsAsync(executor.WorkerName, room - took).WaitAsync(cancellationToken);
            foreach (var cell in cells)
            {
                executor.NoteStarting(cell.CellId);
                await grains.Cell(cell.CellId).StartAsync(cell);
            }

            took += cells.Count;
        }

        rotation++;
        return took;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taking cells failed; trying again")]
    private static partial void LogPullFailed(ILogger logger, Exception exception);
}
