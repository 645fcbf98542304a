using MassTransit;
using Microsoft.Extensions.Hosting;
using OrleansSweep.Contracts;

namespace OrleansSweep.Cluster.Workers;

/// <summary>Publishes the worker silo's <see cref="SiloHeartbeat"/> every <see cref="ClusterOptions.HeartbeatSeconds"/>, and a last one on shutdown.</summary>
/// <remarks>
/// Heartbeats expire after three intervals (time-to-live), so none piles up while no coordinator listens, and a
/// publish that cannot reach the broker is given up after one interval: the next one carries fresher numbers.
/// </remarks>
internal sealed class HeartbeatService(IBusControl bus, ClusterOptions options, SweepFences fences, WorkerActivity activity) : BackgroundService
{
    private TimeSpan Interval => TimeSpan.FromSeconds(options.HeartbeatSeconds);

    private TimeSpan Patience => Interval > TimeSpan.FromSeconds(5) ? Interval : TimeSpan.FromSeconds(5);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await PublishAsync(leaving: true, TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before the bus is connected: a publish that waits for the connection only times out.
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken).ConfigureAwait(false);
        }

        using var timer = new PeriodicTimer(Interval);
        do
        {
            await PublishAsync(leaving: false, Patience, stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task PublishAsync(bool leaving, TimeSpan patience, CancellationToken cancellationToken)
    {
        var beat = new SiloHeartbeat(options.NodeName, options.Concurrency, fences.RunningBySweep(), activity.CellsComputed, activity.CommandsDropped,
            options.HeartbeatSeconds, leaving);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(patience);
        try
        {
            await bus.Publish(beat, context => context.TimeToLive = 3 * Interval, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            // The broker is away: status is stale meanwhile, nothing else depends on heartbeats.
        }
    }
}
