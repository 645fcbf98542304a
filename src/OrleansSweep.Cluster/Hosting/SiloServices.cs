using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansSweep.Cluster.Coordination;
using OrleansSweep.Cluster.Workers;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Output;
using OrleansSweep.Sweeps.Storage;

namespace OrleansSweep.Cluster.Hosting;

/// <summary>The services of a cluster silo: its roles, the bus, heartbeats, resume on start and graceful shutdown.</summary>
public static class SiloServices
{
    /// <summary>Adds a silo with <see cref="ClusterOptions.Role"/>; the options must be valid (<see cref="ClusterOptions.Validate"/>).</summary>
    /// <remarks>
    /// Shutdown: running cells get <see cref="ClusterOptions.StopTimeoutSeconds"/> to finish; then their tokens are
    /// cancelled and their commands go back to the broker unacknowledged; the host waits a little longer for that.
    /// </remarks>
    public static IServiceCollection AddSweepSilo(this IServiceCollection services, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var roles = options.Role;
        if (roles.HasFlag(SiloRoles.Worker))
        {
            services.AddSweepWorker(options);
        }

        if (roles.HasFlag(SiloRoles.Coordinator))
        {
            var paths = new CoordinatorPaths(options.DataFolder);
            services.AddSingleton(paths);
            services.AddSingleton(_ => SweepStore.Open(paths.StorePath));
            services.AddSingleton<ISweepFinisher>(_ => new PhaseMapFinisher(DenseKernels.Default.Name));
            services.AddSingleton<SiloDirectory>();
            services.AddSingleton<SweepSessions>();
            services.AddSingleton<IResultSink>(provider => provider.GetRequiredService<SweepSessions>());
            services.AddSingleton<IResultsBacklog>(options.Transport == TransportKind.RabbitMq ? new RabbitMqResultsBacklog(options) : new NoResultsBacklog());
        }

        services.AddSweepBus(options, roles, clusterCoordinator: true);

        // Registered after the bus: hosted services stop in reverse order, so the last heartbeat still finds it running.
        if (roles.HasFlag(SiloRoles.Worker))
        {
            services.AddHostedService<HeartbeatService>();
        }

        if (roles.HasFlag(SiloRoles.Coordinator))
        {
            services.AddHostedService<CoordinatorStartup>();
        }

        var stop = TimeSpan.FromSeconds(options.StopTimeoutSeconds);
        services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            host.WaitUntilStarted = false; // a silo may start before the broker; MassTransit keeps reconnecting
            host.ConsumerStopTimeout = stop;
            host.StopTimeout = stop + TimeSpan.FromSeconds(10);
        });
        services.Configure<HostOptions>(host => host.ShutdownTimeout = stop + TimeSpan.FromSeconds(15));
        return services;
    }
}
