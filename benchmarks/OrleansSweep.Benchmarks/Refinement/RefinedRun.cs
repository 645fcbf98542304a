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

/// <summary>
/// A refined sweep run to the end on an embedded silo: its results, plan, wall time and the process's CPU time.
/// </summary>
/// <param name="Resumed">
/// Whether the store already held the cells (a kept store from an earlier run): then nothing was computed and the
/// times are those of reading the results back, not of the sweep.
/// </param>
internal sealed record RefinedRun(RefinementPlan Plan, IReadOnlyList<CellAnalyzed> Results, TimeSpan Wall, TimeSpan Cpu, bool Resumed)
{
    public IReadOnlyList<RefineSample> Samples => [.. Results.Select(r => Plan.SampleOf(r.CellIndex, r.Metrics))];

    /// <summary>What the times mean: a computed run's wall and CPU, or a note that the cells came from a kept store.</summary>
    public string Timing => Resumed
        ? "read back from a kept store (times not comparable)"
        : $"{Wall.TotalSeconds:F1} s wall, {Cpu.TotalSeconds:F1} s CPU";

    /// <param name="keptStore">
    /// A folder to keep the store in, so a later probe re-reads the cells instead of computing them (the comparison
    /// can then be re-analysed in seconds); null for a fresh store that is deleted afterwards.
    /// </param>
    public static async Task<RefinedRun> RunAsync(ValidatedSweep sweep, string? keptStore, CancellationToken cancellationToken)
    {
        var folder = keptStore ?? Path.Combine(Path.GetTempPath(), "orleanssweep-refine", Guid.NewGuid().ToString("N"));
        var store = Path.Combine(folder, "grains.db");
        var resumed = File.Exists(store);
        Directory.CreateDirectory(folder);
        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error);
        builder.UseOrleans(silo => silo.UseEmbeddedSweepSilo(store));
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
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            return new RefinedRun(new RefinementPlan(sweep), results, clock.Elapsed, cpu, resumed);
        }
        finally
        {
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(stopTimeout.Token).ConfigureAwait(false);
            if (keptStore is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
