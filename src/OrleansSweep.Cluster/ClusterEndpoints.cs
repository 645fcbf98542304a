using MassTransit;
using OrleansSweep.Cluster.Consumers;

namespace OrleansSweep.Cluster;

/// <summary>The receive endpoints of each role, the same on every transport.</summary>
/// <remarks>
/// Commands and results are <em>sent</em> to durable queues (never published), and those queues bind no exchange
/// (<c>ConfigureConsumeTopology = false</c>): a message sent before its consumer ever ran waits in the queue instead
/// of vanishing in an exchange without bindings. Broadcasts (cancel, dispatch announcements, heartbeats) are
/// published to temporary, per-silo queues that disappear with the silo.
/// </remarks>
internal sealed class ClusterEndpoints(ClusterOptions options, SiloRoles roles, bool clusterCoordinator)
{
    private bool Worker => roles.HasFlag(SiloRoles.Worker);

    private bool Coordinator => roles.HasFlag(SiloRoles.Coordinator);

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        if (Worker)
        {
            bus.AddConsumer<AnalyzeCellConsumer>();
            bus.AddConsumer<CancelSweepConsumer>();
            bus.AddConsumer<CellsDispatchedConsumer>();
        }

        if (Coordinator)
        {
            bus.AddConsumer<CellAnalyzedConsumer>();
        }

        if (Coordinator && clusterCoordinator)
        {
            bus.AddConsumer<CoordinatorConsumer>();
            bus.AddConsumer<SiloHeartbeatConsumer>();
        }
    }

    public void Configure(IBusRegistrationContext context, IBusFactoryConfigurator transport)
    {
        ClusterRegistration.ConfigureJson(transport);
        if (Worker)
        {
            transport.ReceiveEndpoint(QueueNames.AnalyzeCell, endpoint =>
            {
                endpoint.ConfigureConsumeTopology = false;
                endpoint.PrefetchCount = options.EffectivePrefetch;
                endpoint.ConcurrentMessageLimit = options.Concurrency;
                // A cell never throws (a failure is a result); this covers sending the result while the broker
                // hiccups. Cancellation on shutdown is not retried: the command goes back to the broker.
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Intervals(1000, 5000, 15000);
                    retry.Ignore<OperationCanceledException>();
                });
                endpoint.ConfigureConsumer<AnalyzeCellConsumer>(context);
            });

            transport.ReceiveEndpoint(new TemporaryEndpointDefinition($"orleanssweep-control-{options.NodeName}"), endpoint =>
            {
                endpoint.ConfigureConsumer<CancelSweepConsumer>(context);
                endpoint.ConfigureConsumer<CellsDispatchedConsumer>(context);
            });
        }

        if (Coordinator)
        {
            transport.ReceiveEndpoint(QueueNames.CellResults, endpoint =>
            {
                endpoint.ConfigureConsumeTopology = false;
                endpoint.PrefetchCount = 256;
                endpoint.ConcurrentMessageLimit = 256; // lets the store batch many results into one transaction
                endpoint.UseMessageRetry(retry => retry.Intervals(200, 1000, 5000, 15000));
                endpoint.ConfigureConsumer<CellAnalyzedConsumer>(context);
            });
        }

        if (Coordinator && clusterCoordinator)
        {
            transport.ReceiveEndpoint(QueueNames.Coordinator, endpoint =>
            {
                endpoint.ConfigureConsumeTopology = false;
                endpoint.ConcurrentMessageLimit = 8; // queries stay answered while a large sweep is being planned
                endpoint.ConfigureConsumer<CoordinatorConsumer>(context);
            });

            transport.ReceiveEndpoint(new TemporaryEndpointDefinition("orleanssweep-heartbeats"), endpoint =>
                endpoint.ConfigureConsumer<SiloHeartbeatConsumer>(context));
        }
    }
}
