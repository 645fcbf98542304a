using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;
using OrleansSweep.Grains.Execution;
using OrleansSweep.Grains.Hosting;

namespace OrleansSweep.Grains.Tests.Support;

/// <summary>
/// A 2-silo in-process cluster built with the production grain configuration (<see cref="SweepSiloExtensions.AddSweepGrains"/>),
/// memory grain storage under both storage names and in-memory reminders; one executor thread per silo.
/// </summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>Cells computed so far, summed over the silos' executors.</summary>
    public long CellsComputed => Cluster.Silos.Where(s => s.IsActive).Sum(s => s.ServiceProvider.GetRequiredService<CellExecutor>().Computed);

    /// <summary>Cells being computed right now, summed over the silos.</summary>
    public int CellsRunning => Cluster.Silos.Where(s => s.IsActive).Sum(s => s.ServiceProvider.GetRequiredService<CellExecutor>().Busy);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((options, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Cells);
            silo.AddMemoryGrainStorage(StorageNames.Sweeps);
            silo.UseInMemoryReminderService();
            silo.AddSweepGrains(
                executor =>
                {
                    executor.Threads = 1;
                    executor.WorkerName = options.SiloName;
                },
                sweeps =>
                {
                    sweeps.TickPeriod = TimeSpan.FromMilliseconds(200);
                    sweeps.AskAgainAfter = TimeSpan.FromSeconds(1);
                });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
