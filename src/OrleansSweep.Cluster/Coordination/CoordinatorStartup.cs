using MassTransit;
using Microsoft.Extensions.Hosting;

namespace OrleansSweep.Cluster.Coordination;

/// <summary>
/// After a (re)start, resumes the sweeps the store says are running: once the bus is connected, and once the results
/// that queued up while the coordinator was away have landed, so only cells still missing are dispatched again.
/// </summary>
/// <remarks>
/// Workers go on computing while the coordinator is down; their results wait in the durable results queue. Had the
/// coordinator planned before recording them, it would dispatch those finished cells again.
/// </remarks>
internal sealed class CoordinatorStartup(IBusControl bus, IResultsBacklog backlog, SweepSessions sessions) : BackgroundService
{
    private static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>Delivered but unacknowledged results (up to the prefetch) need a moment to be written.</summary>
    private static readonly TimeSpan InFlight = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The broker may be down when the coordinator starts; MassTransit keeps reconnecting meanwhile.
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            await Task.Delay(Poll, stoppingToken).ConfigureAwait(false);
        }

        var deadline = DateTime.UtcNow + MaxSettle;
        while (DateTime.UtcNow < deadline && await backlog.CountAsync(stoppingToken).ConfigureAwait(false) != 0)
        {
            await Task.Delay(Poll, stoppingToken).ConfigureAwait(false);
        }

        await Task.Delay(InFlight, stoppingToken).ConfigureAwait(false);
        sessions.ResumeRunning();
    }
}
