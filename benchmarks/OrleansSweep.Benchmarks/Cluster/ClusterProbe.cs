using System.Globalization;
using OrleansSweep.Benchmarks.Engine;

namespace OrleansSweep.Benchmarks.Cluster;

/// <summary>
/// The Orleans cluster on this machine: a private Redis on 127.0.0.1 and real <c>orleanssweep-silo</c> processes.
/// Overhead per trivial cell on 1 and 2 silos, real cells on 1 vs 2 silos, and recovery from <c>kill -9</c> of a silo.
/// </summary>
/// <remarks>
/// <para>Every silo runs at concurrency 1, so "1 silo" uses one core and "2 silos" both: the ratio is the engine's
/// scaling, as in issue 7's table. Each sweep has its own seed: cells are content-addressed and Redis keeps results,
/// so a repeated spec would be answered from storage.</para>
/// <para>The silo executable is the one built beside the repository's <c>silo/</c> project (Release).</para>
/// </remarks>
internal static class ClusterProbe
{
    private static int seed = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        var cells = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var realCells = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
        var n = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 128;
        var realizations = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;
        var repeats = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 3;
        var failover = args.Length <= 5 || args[5] != "0";
        if (!RedisNode.Installed)
        {
            Console.Error.WriteLine("redis-server is not installed (Debian: apt-get install redis-server): cluster probe skipped");
            return 0;
        }

        var siloDll = SiloDll();
        Console.WriteLine($"# cluster probe: silo {siloDll}; load average {LoadAverage.Now()}; silos in sessions of their own: {Environment.GetEnvironmentVariable("ORLEANSSWEEP_BENCH_OWN_SESSIONS") == "1"}");
        await using var redis = await RedisNode.StartAsync();
        // The baseline at equal threads: one silo computing two cells at once, in a cluster of its own.
        var twoThreads = realCells > 0 ? await OneSiloTwoThreads(siloDll, redis.Address, realCells, realizations, n) : null;
        var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var silos = new List<SiloNode>();
        try
        {
            silos.Add(await SiloNode.StartAsync(siloDll, redis.Address, clusterId, "silo-a", 1));
            await using (var client = await ClusterClient.ConnectAsync(redis.Address, clusterId))
            {
                var directPerCell = (await DirectRun.RunAsync(TrivialSweep.Of(cells, "bench-direct"), CancellationToken.None)).TotalMilliseconds / cells;
                directPerCell = (await DirectRun.RunAsync(TrivialSweep.Of(cells, "bench-direct"), CancellationToken.None)).TotalMilliseconds / cells;
                Console.WriteLine($"| CellWorker alone in this process, ms per trivial cell (warm) | {directPerCell:F3} | load {LoadAverage.Now()} |");
                if (cells > 0)
                {
                    await Overhead(client, cells, repeats, directPerCell, "1 silo");
                }

                var one = realCells > 0 ? await Real(client, silos, realCells, realizations, n, "1 silo") : null;
                silos.Add(await SiloNode.StartAsync(siloDll, redis.Address, clusterId, "silo-b", 1));
                await Task.Delay(TimeSpan.FromSeconds(3)); // both silos in each other's membership view and pulling
                if (cells > 0)
                {
                    await Overhead(client, cells, repeats, directPerCell, "2 silos");
                }

                if (realCells > 0)
                {
                    var two = await Real(client, silos, realCells, realizations, n, "2 silos");
                    Console.WriteLine($"| real cells, 2 silos vs 1 (wall) | **{one!.Wall / two.Wall:F2}×** | |");
                    // What the engine controls: the same cells for the same CPU, on twice the threads. The wall ratio is this
                    // times the ratio of cores the machine gave the two runs (all it can be on a shared 2-core box).
                    Console.WriteLine($"| real cells, 2 silos vs 1: cores obtained (CPU ÷ wall) | {one.Cpu / one.Wall:F2} → {two.Cpu / two.Wall:F2} | CPU for the sweep {one.Cpu:F1} → {two.Cpu:F1} s |");
                    Console.WriteLine($"| real cells, 2 silos × 1 thread vs 1 silo × 2 threads (equal threads; 1.00 = no cost of the split) | **{twoThreads!.Wall / two.Wall:F2}×** | cores obtained {twoThreads.Cpu / twoThreads.Wall:F2} vs {two.Cpu / two.Wall:F2} |");
                }

                if (failover)
                {
                    await Failover.RunAsync(client, silos);
                    // Then the silo of the sweep grain, with a fresh second silo beside the survivor.
                    silos.Add(await SiloNode.StartAsync(siloDll, redis.Address, clusterId, "silo-c", 1));
                    await Task.Delay(TimeSpan.FromSeconds(3));
                    await Failover.RunAsync(client, [.. silos.Where(s => !s.Process.HasExited)], killHost: true);
                }
            }
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }

        Console.WriteLine($"# load average at end: {LoadAverage.Now()}");
        return 0;
    }

    /// <summary>The per-cell slope between sweeps of C and 2C trivial cells, minus the worker's time (medians).</summary>
    private static async Task Overhead(ClusterClient client, int cells, int repeats, double directPerCell, string label)
    {
        await client.RunAsync(TrivialSweep.Of(cells, "bench-warm", seed++)); // warm the silos' JIT and connections
        var small = new List<double>();
        var large = new List<double>();
        var load = LoadAverage.Now();
        int smallCount = 0, largeCount = 0;
        for (var i = 0; i < repeats; i++)
        {
            var s = TrivialSweep.Of(cells, "bench-small", seed++);
            var l = TrivialSweep.Of(2 * cells, "bench-large", seed++);
            smallCount = s.CellCount;
            largeCount = l.CellCount;
            small.Add((await client.RunAsync(s)).Elapsed.TotalMilliseconds);
            large.Add((await client.RunAsync(l)).Elapsed.TotalMilliseconds);
        }

        var slope = (Median(large) - Median(small)) / (largeCount - smallCount);
        Console.WriteLine($"| {label}: trivial sweeps of {smallCount} / {largeCount} cells, ms (medians of {repeats}) | {Median(small):F0} / {Median(large):F0} | load {load} → {LoadAverage.Now()} |");
        Console.WriteLine($"| {label}: overhead per trivial cell (slope − CellWorker) | **{slope - directPerCell:F3} ms** | slope {slope:F3} ms |");
    }

    private static async Task<RealRun> OneSiloTwoThreads(string siloDll, string redis, int cells, int realizations, int n)
    {
        var clusterId = "bench-2t-" + Guid.NewGuid().ToString("N")[..8];
        await using var silo = await SiloNode.StartAsync(siloDll, redis, clusterId, "silo-2t", 2);
        await using var client = await ClusterClient.ConnectAsync(redis, clusterId);
        return await Real(client, [silo], cells, realizations, n, "1 silo × 2 threads");
    }

    /// <summary>
    /// One sweep of real cells: wall time, and each silo's process CPU time over it, so that a ratio of wall times can be
    /// told apart from the cores this shared machine gave the silos (cores obtained = CPU ÷ wall).
    /// </summary>
    private static async Task<RealRun> Real(ClusterClient client, IReadOnlyList<SiloNode> silos, int cells, int realizations, int n, string label)
    {
        var load = LoadAverage.Now();
        var cpuBefore = silos.Select(s => s.Process.CpuTime()).ToArray();
        var (status, elapsed) = await client.RunAsync(SweepThroughput.Spec(cells, realizations, n, seed++));
        var cpu = silos.Select((s, i) => (s.Process.CpuTime() - cpuBefore[i]).TotalSeconds).ToArray();
        var split = string.Join(", ", status.CellsBySilo.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}"));
        var perSilo = string.Join(", ", silos.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {cpu[i]:F1} s CPU ({cpu[i] / elapsed.TotalSeconds:F2} cores)")));
        Console.WriteLine($"| {label}: {cells} cells × {realizations} realisations, Lyapunov N = {n} | {elapsed.TotalSeconds:F1} s | cells {split}; {perSilo}; CPU per cell {cpu.Sum() / cells:F2} s; load {load} → {LoadAverage.Now()} |");
        return new RealRun(elapsed.TotalSeconds, cpu.Sum());
    }

    private sealed record RealRun(double Wall, double Cpu);

    internal static int NextSeed() => seed++;

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);
    }

    private static string SiloDll()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var dll = Path.Combine(folder.FullName, "silo", "bin", "Release", "net10.0", "orleanssweep-silo.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        throw new FileNotFoundException("silo/bin/Release/net10.0/orleanssweep-silo.dll not found above " + AppContext.BaseDirectory
            + ": run dotnet build OrleansSweep.sln -c Release");
    }
}
