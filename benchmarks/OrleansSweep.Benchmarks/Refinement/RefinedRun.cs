using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansSweep.Contracts;
using OrleansSweep.Grains.Client;
using OrleansSweep.Grains.Hosting;
using OrleansSweep.Sweeps.Refinement;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Benchmarks.Refinement;

/// <summary>A refined sweep run to the end on an embedded silo in a fresh store: its results, plan and wall time.</summary>
internal sealed record RefinedRun(RefinementPlan Plan, IReadOnlyList<CellAnalyzed> Results, TimeSpan Wall)
{
    public IReadOnlyList<RefineSample> Samples => [.. Results.Select(r => Plan.SampleOf(r.CellIndex, r.Metrics))];

    public static async Task<RefinedRun> RunAsync(ValidatedSweep sweep, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "orleanssweep-refine", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var clock = Stopwatch.StartNew();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error);
        builder.UseOrleans(silo => silo.UseEmbeddedSweepSilo(Path.Combine(folder, "grains.db")));
        using var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var client = new SweepClient(host.Services.GetRequiredService<IGrainFactory>());
            var started = await client.StartAsync(sweep, failFast: false).ConfigureAwait(false);
            var status = await client.WaitAsync(started.SweepId, _ => { }, TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            if (status.State != SweepStates.Completed)
            {
                throw new InvalidOperationException($"The sweep did not complete: {status}");
            }

            var results = await client.ReadResultsAsync(status.SweepId, cancellationToken).ConfigureAwait(false);
            return new RefinedRun(new RefinementPlan(sweep), results, clock.Elapsed);
        }
        finally
        {
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(stopTimeout.Token).ConfigureAwait(false);
            Directory.Delete(folder, recursive: true);
        }
    }
}
