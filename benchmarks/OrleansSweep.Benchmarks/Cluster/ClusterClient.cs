using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansSweep.Contracts;
using OrleansSweep.Grains.Client;
using OrleansSweep.Hosting;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Benchmarks.Cluster;

/// <summary>An Orleans client of the probe's cluster (gateways found in Redis), as <c>sweep run --cluster</c> connects.</summary>
internal sealed class ClusterClient : IAsyncDisposable
{
    private readonly IHost host;

    private ClusterClient(IHost host)
    {
        this.host = host;
        Sweeps = new SweepClient(host.Services.GetRequiredService<IGrainFactory>());
    }

    public SweepClient Sweeps { get; }

    public static async Task<ClusterClient> ConnectAsync(string redis, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Error);
        builder.UseOrleansClient(client => client.UseSweepCluster(redis, clusterId, "orleanssweep"));
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return new ClusterClient(host);
    }

    /// <summary>Starts a sweep and waits for it (status polled every 10 ms); the wall time from start to completed.</summary>
    public async Task<(SweepStatus Status, TimeSpan Elapsed)> RunAsync(ValidatedSweep sweep, Action<SweepStatus>? onProgress = null)
    {
        var clock = Stopwatch.StartNew();
        var started = await Sweeps.StartAsync(sweep, failFast: false).ConfigureAwait(false);
        var status = await Sweeps.WaitAsync(started.SweepId, s => onProgress?.Invoke(s), TimeSpan.FromMilliseconds(10), CancellationToken.None).ConfigureAwait(false);
        if (status.State != SweepStates.Completed || status.Failed > 0)
        {
            throw new InvalidOperationException($"The sweep did not complete: {status.State} {status.Reason}, {status.Failed} failed.");
        }

        return (status, clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(timeout.Token).ConfigureAwait(false);
        host.Dispose();
    }
}
