using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansSweep.Grains.Cells;
using OrleansSweep.Grains.Storage;

namespace OrleansSweep.Benchmarks.Engine.Storage;

/// <summary>
/// <see cref="SqliteStorageBenchmarks"/>' work timed by wall clock and process CPU time, the two storages alternating
/// (old, new, old, new, …) so that both see the same machine: on a shared machine the CPU time per cell is the number
/// that preemption does not inflate. Medians of 5 rounds.
/// </summary>
internal static class StorageProbe
{
    private const int Rounds = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var cells = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        Console.WriteLine($"# storage probe: {cells} cells (read missing state + write the result once) per round, load {LoadAverage.Now()}");
        Console.WriteLine("| storage | writers | wall µs per cell | CPU µs per cell | transactions per 1,000 cells |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var writers in new[] { 1, 8 })
        {
            var results = new Dictionary<string, List<(double Wall, double Cpu, double Transactions)>> { ["per-write"] = [], ["group-commit"] = [] };
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var name in results.Keys)
                {
                    results[name].Add(await Once(name, cells, writers));
                }
            }

            foreach (var (name, runs) in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {writers} | {Median(runs.ConvertAll(r => r.Wall)):F1} | {Median(runs.ConvertAll(r => r.Cpu)):F1} | {Median(runs.ConvertAll(r => r.Transactions)):F0} |"));
            }
        }

        Console.WriteLine($"# load at end: {LoadAverage.Now()}");
        return 0;
    }

    private static async Task<(double Wall, double Cpu, double Transactions)> Once(string name, int cells, int writers)
    {
        var bench = new SqliteStorageBenchmarks { Storage = name, Writers = writers };
        bench.Setup();
        try
        {
            await bench.Run(cells / 4, writers); // warm: JIT, page cache
            var cpu = ProcessCpu();
            var before = bench.Transactions;
            var clock = Stopwatch.StartNew();
            await bench.Run(cells, writers);
            var wall = clock.Elapsed.TotalMicroseconds / cells;
            var transactions = bench.Transactions - before;
            return (wall, (ProcessCpu() - cpu).TotalMicroseconds / cells, name == "per-write" ? 1000 : 1000.0 * transactions / cells);
        }
        finally
        {
            bench.Cleanup();
        }
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
