using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansSweep.Cluster;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Benchmarks.Engine;

/// <summary>One embedded sweep, exactly the path of <c>sweep run</c> (client/EmbeddedSweep.cs): MassTransit in-memory
/// transport, the SQLite store, the coordinator, the workers and the phase-map finisher, in this process.</summary>
internal static class EmbeddedRun
{
    /// <summary>Runs the sweep into a fresh folder; returns the outcome and the wall time from host start to completion.</summary>
    public static async Task<(SweepOutcome Outcome, TimeSpan Elapsed)> RunAsync(
        ValidatedSweep sweep, int concurrency, Action<SweepProgress>? onProgress, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "orleanssweep-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var clock = Stopwatch.StartNew();
            SweepMarker.For(sweep).Write(folder);
            var plan = SweepPlanner.Plan(sweep, folder, cancellationToken);
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            var options = new ClusterOptions { Transport = TransportKind.InMemory, NodeName = "bench", Concurrency = concurrency };
            builder.Services.AddSweepNode(options, SiloRoles.All, Path.Combine(folder, SweepMarker.FolderName, "results.db"));
            using var host = builder.Build();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var coordinator = host.Services.GetRequiredService<SweepCoordinator>();
                if (onProgress is not null)
                {
                    coordinator.ProgressChanged += onProgress;
                }

                await coordinator.StartAsync(plan, failFast: false, cancellationToken).ConfigureAwait(false);
                var outcome = await coordinator.Completion(plan.SweepId).WaitAsync(cancellationToken).ConfigureAwait(false);
                return (outcome, clock.Elapsed);
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
