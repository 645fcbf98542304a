using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansSweep.Contracts;
using OrleansSweep.Grains.Client;
using OrleansSweep.Grains.Hosting;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Benchmarks.Engine;

/// <summary>
/// One embedded sweep on the path of <c>sweep run</c> (client/EmbeddedSweep.cs, without telemetry export): an
/// in-process Orleans silo with SQLite grain storage in a fresh folder, the sweep grain, the cell grains, the cell
/// executor and its puller, then the result pages and the phase map written here.
/// </summary>
internal static class EmbeddedRun
{
    /// <summary>How often the sweep's status is read until its first cell and over its last 5%: fine enough to time both ends.</summary>
    private static readonly TimeSpan FinePoll = TimeSpan.FromMilliseconds(10);

    /// <summary>In between, as often as <c>sweep run</c> reads it (client/EmbeddedSweep.cs): a status every 10 ms cost
    /// 4% of the process's CPU in a 60,000-cell sweep, which a user's run does not pay.</summary>
    private static readonly TimeSpan UserPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Runs the sweep; returns its last status, the wall time from host build to outputs written, and the time from
    /// host build to the first status with a counted cell.
    /// </summary>
    public static async Task<EmbeddedTiming> RunAsync(
        ValidatedSweep sweep, int concurrency, Action<SweepStatus>? onProgress, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "orleanssweep-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var clock = Stopwatch.StartNew();
            SweepMarker.For(sweep).Write(folder);
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error);
            builder.UseOrleans(silo => silo.UseEmbeddedSweepSilo(Path.Combine(folder, SweepMarker.FolderName, "grains.db"), concurrency));
            using var host = builder.Build();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            var hostStarted = clock.Elapsed;
            try
            {
                var client = new SweepClient(host.Services.GetRequiredService<IGrainFactory>());
                var started = await client.StartAsync(sweep, failFast: false).ConfigureAwait(false);
                TimeSpan? firstCell = null;
                var status = await client.WaitAsync(started.SweepId, s =>
                {
                    if (firstCell is null && s.Done > 0)
                    {
                        firstCell = clock.Elapsed;
                    }

                    onProgress?.Invoke(s);
                }, s => s.Done == 0 || s.Done >= 0.95 * s.Total ? FinePoll : UserPoll, cancellationToken).ConfigureAwait(false);
                var computed = clock.Elapsed;
                if (status.State != SweepStates.Completed || status.Failed > 0)
                {
                    throw new InvalidOperationException($"The sweep did not complete: {status.State} {status.Reason}, {status.Failed} failed.");
                }

                var results = await client.ReadResultsAsync(status.SweepId, cancellationToken).ConfigureAwait(false);
                await SweepOutputs.WriteAsync(sweep, folder, results, cancellationToken).ConfigureAwait(false);
                return new EmbeddedTiming(status, clock.Elapsed, hostStarted, firstCell ?? computed, computed);
            }
            finally
            {
                using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await host.StopAsync(stopTimeout.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}

/// <summary>What one embedded run took, all from host build.</summary>
/// <param name="Status">The sweep's last status.</param>
/// <param name="Elapsed">To the outputs written (host stop excluded).</param>
/// <param name="HostStarted">To the silo started.</param>
/// <param name="FirstCell">To the first status with a counted cell (polled every 10 ms).</param>
/// <param name="Computed">To the status that said completed.</param>
internal sealed record EmbeddedTiming(SweepStatus Status, TimeSpan Elapsed, TimeSpan HostStarted, TimeSpan FirstCell, TimeSpan Computed);
