using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Storage;
using OrleansSweep.Grains.Execution;
using OrleansSweep.Grains.Storage;
using OrleansSweep.Grains.Sweeps;

namespace OrleansSweep.Grains.Hosting;

/// <summary>Adds OrleansSweep's grains and their services to a silo; the embedded default and cluster silos share it.</summary>
public static class SweepSiloExtensions
{
    /// <summary>The cell executor, the grains' options and Orleans' activity propagation (grain-call spans join traces).</summary>
    public static ISiloBuilder AddSweepGrains(
        this ISiloBuilder silo, Action<CellExecutorOptions>? executor = null, Action<SweepGrainOptions>? sweeps = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddOptions<CellExecutorOptions>().Configure(o => executor?.Invoke(o));
        silo.Services.AddOptions<SweepGrainOptions>().Configure(o => sweeps?.Invoke(o));
        silo.Services.AddSingleton<CellExecutor>();
        silo.Services.AddHostedService<CellPuller>();
        // Orleans caches the address of every grain it routes to (LRU, a million entries by default): about 0.3 KiB
        // per cell grain, measured as linear heap growth over a 100,000-cell sweep. A cell is addressed once or twice,
        // so a small cache keeps the sweep and registry grains' addresses and stops the growth.
        silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = Math.Min(o.CacheSize, 10_000));
        silo.AddActivityPropagation();
        return silo;
    }

    /// <summary>Both storage names (<see cref="StorageNames"/>) in one SQLite file.</summary>
    public static ISiloBuilder AddSqliteSweepStorage(this ISiloBuilder silo, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton(provider => new SqliteGrainStorage(
            new SqliteGrainStorageOptions { DatabasePath = databasePath },
            provider.GetRequiredService<Orleans.Serialization.Serializer>()));
        foreach (var name in new[] { StorageNames.Cells, StorageNames.Sweeps })
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(name, (provider, _) => provider.GetRequiredService<SqliteGrainStorage>());
        }

        return silo;
    }

    /// <summary>
    /// The embedded default: a single silo on loopback with free ports (several runs may share a machine), SQLite
    /// storage in the output folder and in-process reminders (the process that runs the sweep is the one that resumes it).
    /// </summary>
    public static ISiloBuilder UseEmbeddedSweepSilo(this ISiloBuilder silo, string databasePath, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.UseLocalhostClustering(siloPort: FreePorts.Next(), gatewayPort: FreePorts.Next(), serviceId: "orleanssweep", clusterId: "embedded-" + Guid.NewGuid().ToString("N")[..8]);
        silo.UseInMemoryReminderService();
        silo.AddSqliteSweepStorage(databasePath);
        silo.AddSweepGrains(executor =>
        {
            executor.Threads = threads ?? Environment.ProcessorCount;
            executor.WorkerName = "embedded";
        });
        silo.Configure<GrainCollectionOptions>(o => o.CollectionQuantum = TimeSpan.FromSeconds(30));
        return silo;
    }
}
