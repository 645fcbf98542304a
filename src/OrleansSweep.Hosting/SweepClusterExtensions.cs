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
    /// <summary>
    /// Joins the cluster through Redis (membership, grain state of both storage names, reminders) and adds the grains.
    /// </summary>
    /// <remarks>
    /// The distributed grain directory: with the default one, killing a silo also deactivated running cells on the
    /// surviving silo whose directory entries the dead one held (10 of 12 cells computed twice in a trial here).
    /// Failure detection as <see cref="ClusterSettings.FastFailureDetection"/> says.
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
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            });
        }

        silo.AddSweepGrains(executor =>
        {
            executor.Threads = settings.Concurrency;
            executor.WorkerName = settings.SiloName;
        });
        return silo;
    }

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
