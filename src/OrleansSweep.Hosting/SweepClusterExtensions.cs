using System.Net;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using OrleansSweep.Grains.Hosting;
using StackExchange.Redis;

namespace OrleansSweep.Hosting;

/// <summary>A cluster silo and a cluster client over Redis.</summary>
public static class SweepClusterExtensions
{
    private static readonly TimeSpan FastProbeTimeout = TimeSpan.FromSeconds(1);
    private const int FastMissedProbes = 2;

    /// <summary>
    /// Joins the cluster through Redis (membership, grain state of both storage names, reminders) and adds the grains.
    /// </summary>
    /// <remarks>
    /// The distributed grain directory: with the default one, killing a silo also deactivated running cells on the
    /// surviving silo whose directory entries the dead one held (10 of 12 cells computed twice in a trial here).
    /// Failure detection as <see cref="ClusterSettings.FastFailureDetection"/> says, with the directory's lease on a dead
    /// silo's grains cut to match (<see cref="DeadSiloLeaseFor"/>).
    /// </remarks>
    public static ISiloBuilder UseSweepCluster(this ISiloBuilder silo, ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        var redis = ConfigurationOptions.Parse(settings.Redis);
        redis.AbortOnConnectFail = false; // a silo may start before Redis, or outlive a Redis restart
        silo.UseRedisClustering(o => o.ConfigurationOptions = redis);
        foreach (var name in new[] { StorageNames.Cells, StorageNames.Sweeps })
        {
            silo.AddRedisGrainStorage(name, o => o.ConfigurationOptions = redis);
        }

        silo.UseRedisReminderService(o => o.ConfigurationOptions = redis);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        silo.ConfigureEndpoints(IPAddress.Parse(settings.AdvertisedAddress), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);
        silo.AddDistributedGrainDirectory();
        if (settings.FastFailureDetection)
        {
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = FastProbeTimeout;
                o.NumMissedProbesLimit = FastMissedProbes;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            });
            silo.Configure<GrainDirectoryOptions>(o => o.RangeLeaseDuration = DeadSiloLeaseFor(FastProbeTimeout, FastMissedProbes));
        }

        silo.AddSweepGrains(executor =>
        {
            executor.Threads = settings.Concurrency;
            executor.WorkerName = settings.SiloName;
        });
        return silo;
    }

    /// <summary>
    /// After a silo is declared dead, how long the distributed directory still refuses new activations of its grains:
    /// time for a silo wrongly declared dead (stalled, not crashed) to read the table, learn it and stop its grains.
    /// </summary>
    public static readonly TimeSpan LeaseAfterDeathDeclared = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The directory's <see cref="GrainDirectoryOptions.RangeLeaseDuration"/> that ends the dead silo's lease
    /// <see cref="LeaseAfterDeathDeclared"/> after its death is declared.
    /// </summary>
    /// <remarks>
    /// Orleans 10.4 counts the lease from the silo's <em>estimated</em> failure time: the declaration time minus a
    /// failure-detection window of 4 × probe timeout × missed probes (measured from the runtime: 8 s for 1 s probes
    /// and 2 misses; with Orleans' default membership, 60 s, so its default 30 s lease is spent before the declaration
    /// and no lease is held at all). With our fast detection, the default 30 s would hold the dead silo's grains for
    /// 22 s after the declaration — every cell it was computing waited that long to start again elsewhere (the
    /// 23 s measured in benchmarks/README.md). Cells tolerate the rare twin activation the shorter lease risks (a silo
    /// wrongly declared dead that stalls longer than 2 s): results are deterministic and content-addressed, and a sweep
    /// counts each cell once. A twin of a sweep grain is the untested case. The formula is Orleans-internal;
    /// tests/OrleansSweep.Cluster.Tests/Hosting/DeadSiloLeaseTests.cs checks it through the runtime's own computation.
    /// </remarks>
    public static TimeSpan DeadSiloLeaseFor(TimeSpan probeTimeout, int missedProbes) =>
        (4 * missedProbes * probeTimeout) + LeaseAfterDeathDeclared;

    /// <summary>A client that finds the cluster's gateways in Redis and reconnects to another when one dies.</summary>
    public static IClientBuilder UseSweepCluster(this IClientBuilder client, string redisConfiguration, string clusterId, string serviceId)
    {
        ArgumentNullException.ThrowIfNull(client);
        var redis = ConfigurationOptions.Parse(redisConfiguration);
        redis.AbortOnConnectFail = false;
        redis.ConnectTimeout = 3000;
        client.UseRedisClustering(o => o.ConfigurationOptions = redis);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = clusterId;
            o.ServiceId = serviceId;
        });
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        client.AddActivityPropagation();
        return client;
    }
}
