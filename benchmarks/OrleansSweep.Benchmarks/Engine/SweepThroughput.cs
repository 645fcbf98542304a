using System.Diagnostics;
using System.Globalization;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Benchmarks.Engine;

/// <summary>
/// Real cells through the embedded engine on all cores: the Lyapunov cell of <c>rate</c> (full spectrum, Euler
/// dt = 0.1, 2,000 steps, t_ONS = 1, no twin) on a g grid. Issue 7's 2-core sweep is 64 cells × 2 realisations at
/// N = 128 (<c>throughput 64 2 128</c>); issue 12's single cell is 1 cell × 4 realisations at N = 256
/// (<c>throughput 1 4 256</c>), where the executor gives the idle thread's share to the cell's realisations. The NumPy
/// peers run the same work in two processes of one BLAS thread each (benchmarks/run.sh).
/// </summary>
internal static class SweepThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cells = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
        var realizations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        var n = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 128;
        var sweep = Spec(cells, realizations, n);
        var load = LoadAverage.Now();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var timing = await EmbeddedRun.RunAsync(sweep, Environment.ProcessorCount, null, CancellationToken.None);
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var runs = sweep.CellCount * realizations;
        Console.WriteLine($"{{\"bench\": \"dotnet_lyapunov_sweep\", \"n\": {n}, \"cells\": {sweep.CellCount}, \"realizations\": {realizations}, "
            + $"\"state\": \"{timing.Status.State}\", \"failed\": {timing.Status.Failed}, "
            + string.Create(CultureInfo.InvariantCulture, $"\"total_s\": {timing.Elapsed.TotalSeconds:F3}, \"computed_s\": {timing.Computed.TotalSeconds:F3}, \"cpu_s\": {cpuUsed.TotalSeconds:F3}, \"runs_per_s\": {runs / timing.Elapsed.TotalSeconds:F3}, ")
            // The fixed cost of a fresh process (host and silo start, JIT) apart from the cells: host build → silo started,
            // and silo started → sweep completed (the cells, plus dispatch and the first calls' JIT).
            + string.Create(CultureInfo.InvariantCulture, $"\"silo_started_s\": {timing.HostStarted.TotalSeconds:F3}, \"started_to_completed_s\": {(timing.Computed - timing.HostStarted).TotalSeconds:F3}, ")
            + $"\"load_start\": \"{load}\", \"load_end\": \"{LoadAverage.Now()}\"}}");
        return 0;
    }

    /// <summary>The spec: <paramref name="cells"/> values of g in [1.5, 3] (g = 2 for a single cell).</summary>
    public static ValidatedSweep Spec(int cells, int realizations, int n, int seed = 1)
    {
        var grid = cells == 1
            ? "\"g\": { \"values\": [2.0] }"
            : string.Create(CultureInfo.InvariantCulture, $"\"g\": {{ \"from\": 1.5, \"to\": 3.0, \"steps\": {cells} }}");
        var json = string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "name": "bench-throughput",
              "model": "rate",
              "n": {{n}},
              "realizations": {{realizations}},
              "seed": {{seed}},
              "parameters": { "dt": 0.1, "integrator": "euler" },
              "grid": { {{grid}} },
              "analyses": {
                "lyapunov": { "exponents": {{n}}, "transientTime": 0, "averagingTime": 200, "windows": 10, "orthonormalizationInterval": 1, "twinCheck": false }
              }
            }
            """);
        return SpecLoader.Parse(json, "bench-throughput.json");
    }
}
