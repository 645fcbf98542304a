using Microsoft.Extensions.DependencyInjection;
using OrleansSweep.Cluster.Coordination;
using OrleansSweep.Cluster.Workers;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Output;
using OrleansSweep.Sweeps.Storage;

namespace OrleansSweep.Cluster;

/// <summary>Registers one node of the sweep system: the roles' services plus the bus that connects them.</summary>
public static class SweepNodeRegistration
{
    /// <summary>
    /// Adds an embedded node with <paramref name="roles"/>: one <see cref="SweepCoordinator"/> that the host drives
    /// itself (<c>sweep run</c>). A coordinator needs <paramref name="storePath"/> (its durable SQLite store); workers
    /// need nothing but the bus. Cluster silos use <see cref="Hosting.SiloHost"/> instead.
    /// </summary>
    public static IServiceCollection AddSweepNode(this IServiceCollection services, ClusterOptions options, SiloRoles roles, string? storePath)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (roles.HasFlag(SiloRoles.Worker))
        {
            services.AddSweepWorker(options);
        }

        if (roles.HasFlag(SiloRoles.Coordinator))
        {
            if (string.IsNullOrWhiteSpace(storePath))
            {
                throw new ArgumentException("A coordinator needs a durable store path.", nameof(storePath));
            }

            services.AddSingleton(_ => SweepStore.Open(storePath));
            services.AddSingleton<ISweepFinisher>(_ => new PhaseMapFinisher(DenseKernels.Default.Name));
            services.AddSingleton<SweepCoordinator>();
            services.AddSingleton<IResultSink, SingleCoordinatorSink>();
        }

        return services.AddSweepBus(options, roles, clusterCoordinator: false);
    }

    /// <summary>The worker's services: the cell computation, its per-sweep fences and its counters.</summary>
    internal static IServiceCollection AddSweepWorker(this IServiceCollection services, ClusterOptions options)
    {
        services.AddSingleton<ICellWorker>(_ => new CellWorker(DenseKernels.Default, options.NodeName));
        services.AddSingleton<SweepFences>();
        services.AddSingleton<WorkerActivity>();
        return services;
    }
}
