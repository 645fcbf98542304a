using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrleansSweep.Cluster.Consumers;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Cluster;

/// <summary>Registers the sweep roles on MassTransit; the one place that chooses a transport.</summary>
public static class ClusterRegistration
{
    /// <summary>The largest message accepted: RabbitMQ's default maximum and the most RabbitMQ.Client allows (128 MiB).</summary>
    public const uint MaxMessageBytes = 128 * 1024 * 1024;

    /// <summary>
    /// Adds the bus with the consumers of <paramref name="roles"/> for an embedded node (one coordinator taking
    /// every result). The host registers the sweep services itself (see <see cref="SweepNodeRegistration"/>).
    /// </summary>
    public static IServiceCollection AddSweepCluster(this IServiceCollection services, ClusterOptions options, SiloRoles roles) =>
        services.AddSweepBus(options, roles, clusterCoordinator: false);

    /// <param name="services">The container.</param>
    /// <param name="options">Transport and endpoint settings.</param>
    /// <param name="roles">The roles whose consumers this process hosts.</param>
    /// <param name="clusterCoordinator">True for a silo's coordinator: it also takes commands and queries from
    /// clients and heartbeats from workers.</param>
    internal static IServiceCollection AddSweepBus(this IServiceCollection services, ClusterOptions options, SiloRoles roles, bool clusterCoordinator)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton<BusCellDispatcher>();
        services.AddSingleton<ICellDispatcher>(provider => provider.GetRequiredService<BusCellDispatcher>());
        var endpoints = new ClusterEndpoints(options, roles, clusterCoordinator);
        services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            endpoints.AddConsumers(bus);
            switch (options.Transport)
            {
                case TransportKind.InMemory:
                    bus.UsingInMemory((context, transport) => endpoints.Configure(context, transport));
                    break;
                case TransportKind.RabbitMq:
                    bus.UsingRabbitMq((context, transport) =>
                    {
                        ConfigureHost(transport, options);
                        endpoints.Configure(context, transport);
                    });
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(options), options.Transport, "Unknown transport.");
            }
        });
        return services;
    }

    /// <summary>The broker connection: address, login and a short heartbeat so a restarted broker is noticed quickly.</summary>
    internal static void ConfigureHost(IRabbitMqBusFactoryConfigurator transport, ClusterOptions options)
    {
        var broker = options.Broker;
        transport.Host(broker.Host, (ushort)broker.Port, broker.VirtualHost, options.NodeName, host =>
        {
            host.Username(broker.Username);
            host.Password(broker.Password);
            host.Heartbeat(TimeSpan.FromSeconds(10));
            host.RequestedConnectionTimeout(TimeSpan.FromSeconds(10));
            host.MaxMessageSize(MaxMessageBytes); // sweep results carry the output files in one reply
        });
        ConfigureJson(transport);
    }

    /// <summary>ξ = ∞ on a critical line and NaN for an undefined metric are legitimate values in results.</summary>
    internal static void ConfigureJson(IBusFactoryConfigurator transport) =>
        transport.ConfigureJsonSerializerOptions(json =>
        {
            json.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
            return json;
        });
}
