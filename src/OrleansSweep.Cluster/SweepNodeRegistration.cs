using Microsoft.Extensions.DependencyInjection;
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
    /// Adds a node with <paramref name="roles"/>. A coordinator needs <paramref name="storePath"/> (its durable
    /// SQLite store); workers need nothing but the bus.
    /// </summary>
    public static IServiceCollection AddSweepNode(this IServiceCollection services, ClusterOptions options, SiloRoles roles, string? storePath)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<SweepCancellations>();
        if (roles.HasFlag(SiloRoles.Worker))
        {
            services.AddSingleton<ICellWorker>(_ => new CellWorker(DenseKernels.Default, options.NodeName));
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
        }

        return services.AddSweepCluster(options, roles);
    }
}
