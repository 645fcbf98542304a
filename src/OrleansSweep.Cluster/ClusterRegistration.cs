using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrleansSweep.Cluster.Consumers;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Cluster;

/// <summary>Registers the sweep roles on MassTransit; the one place that chooses a transport.</summary>
public static class ClusterRegistration
{
    /// <summary>
    /// Adds the bus with the consumers of <paramref name="roles"/>. The host registers the sweep services
    /// (<c>ICellWorker</c>, <c>SweepCancellations</c>, <c>SweepCoordinator</c>) itself.
    /// </summary>
    public static IServiceCollection AddSweepCluster(this IServiceCollection services, ClusterOptions options, SiloRoles roles)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton<ICellDispatcher, BusCellDispatcher>();
        services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            if (roles.HasFlag(SiloRoles.Worker))
            {
                bus.AddConsumer<AnalyzeCellConsumer>();
                bus.AddConsumer<CancelSweepConsumer>();
            }

            if (roles.HasFlag(SiloRoles.Coordinator))
            {
                bus.AddConsumer<CellAnalyzedConsumer>();
            }

            switch (options.Transport)
            {
                case TransportKind.InMemory:
                    bus.UsingInMemory((context, transport) => ConfigureEndpoints(context, transport, options, roles));
                    break;
                case TransportKind.RabbitMq:
                    bus.UsingRabbitMq((context, transport) =>
                    {
                        transport.Host(options.BrokerUri, options.VirtualHost, host =>
                        {
                            host.Username(options.Username);
                            host.Password(options.Password);
                        });
                        ConfigureEndpoints(context, transport, options, roles);
                    });
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(options), options.Transport, "Unknown transport.");
            }
        });
        return services;
    }

    private static void ConfigureEndpoints(IBusRegistrationContext context, IBusFactoryConfigurator transport, ClusterOptions options, SiloRoles roles)
    {
        // ξ = ∞ on a critical line and NaN for an undefined metric are legitimate values in results.
        transport.ConfigureJsonSerializerOptions(json =>
        {
            json.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
            return json;
        });

        if (roles.HasFlag(SiloRoles.Worker))
        {
            transport.ReceiveEndpoint(QueueNames.AnalyzeCell, endpoint =>
            {
                endpoint.PrefetchCount = options.EffectivePrefetch;
                endpoint.ConcurrentMessageLimit = options.Concurrency;
                endpoint.ConfigureConsumer<AnalyzeCellConsumer>(context);
            });

            // A temporary, per-silo endpoint: cancellations are broadcast to every worker.
            transport.ReceiveEndpoint(new TemporaryEndpointDefinition($"orleanssweep-cancel-{options.NodeName}"), endpoint =>
                endpoint.ConfigureConsumer<CancelSweepConsumer>(context));
        }

        if (roles.HasFlag(SiloRoles.Coordinator))
        {
            transport.ReceiveEndpoint(QueueNames.CellResults, endpoint =>
            {
                endpoint.PrefetchCount = 256;
                endpoint.ConcurrentMessageLimit = 256; // lets the store batch many results into one transaction
                endpoint.ConfigureConsumer<CellAnalyzedConsumer>(context);
            });
        }
    }
}
