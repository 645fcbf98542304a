using System.Diagnostics;
using System.Globalization;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Benchmarks.Engine;

/// <summary>
/// Issue 7's whole-sweep target: 64 cells × 2 realisations of the Lyapunov cell at N = 128 (full spectrum, dt = 0.1,
/// 2,000 steps, t_ONS = 1, no twin) through the embedded engine on all cores; compare with two NumPy processes of one
/// BLAS thread each (benchmarks/run.sh).
/// </summary>
internal static class SweepThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cells = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
        var realizations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        var n = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 128;
        var json = string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "name": "bench-throughput",
              "model": "rate",
              "n": {{n}},
              "realizations": {{realizations}},
              "seed": 1,
              "parameters": { "dt": 0.1, "integrator": "euler" },
              "grid": { "g": { "from": 1.5, "to": 3.0, "steps": {{cells}} } },
              "analyses": {
                "lyapunov": { "exponents": {{n}}, "transientTime": 0, "averagingTime": 200, "windows": 10, "orthonormalizationInterval": 1, "twinCheck": false }
              }
            }
            """);
        var sweep = SpecLoader.Parse(json, "bench-throughput.json");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (outcome, elapsed) = await EmbeddedRun.RunAsync(sweep, Environment.ProcessorCount, null, CancellationToken.None);
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var runs = sweep.CellCount * realizations;
        Console.WriteLine($"{{\"bench\": \"dotnet_lyapunov_sweep\", \"n\": {n}, \"cells\": {sweep.CellCount}, \"realizations\": {realizations}, "
            + $"\"completed\": {(outcome.Completed ? "true" : "false")}, \"failed\": {outcome.Failed}, "
            + string.Create(CultureInfo.InvariantCulture, $"\"total_s\": {elapsed.TotalSeconds:F3}, \"cpu_s\": {cpuUsed.TotalSeconds:F3}, \"runs_per_s\": {runs / elapsed.TotalSeconds:F3}}}"));
        return 0;
    }
}
