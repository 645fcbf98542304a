using System.Diagnostics;
using System.Globalization;
using OrleansSweep.Contracts;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Benchmarks.Engine;

/// <summary>
/// Engine overhead per trivial cell of the embedded Orleans silo, durable SQLite grain storage included, and memory
/// over a long sweep (issue 12: ≤ 0.15 ms per cell; memory flat over 100,000 cells). Outside BenchmarkDotNet because every run starts and stops a host; medians of repeated runs.
/// </summary>
/// <remarks>
/// <para>Per-cell cost is the slope between sweeps of C and 2C cells, so the fixed cost of a sweep (host start, store
/// creation, phase-map write) cancels; the naive total/C is printed beside it. "Overhead" is the embedded slope minus
/// the time of the same cells through <c>CellWorker</c> alone. Concurrency 1, so both paths use one core for cells.</para>
/// <para>Wall time per cell is what the target is about, but on a shared machine it mostly measures the other
/// processes: the process's CPU time per cell (same slope) and the load average are printed to tell the two apart.
/// The JIT mode is printed too: with the default tiered PGO, the engine's code is still partly unoptimised after
/// 10,000 cells, so the JIT settings of the process change the per-cell cost by up to 2×.</para>
/// </remarks>
internal static class EngineProbe
{
    private const int Repeats = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var cells = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var memoryCells = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var ct = CancellationToken.None;
        Console.WriteLine($"# engine probe: kernels {DenseKernels.Describe()}, {Environment.ProcessorCount} cores, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, JIT {JitMode()}");
        Console.WriteLine($"# load average at start: {LoadAverage()}");

        var small = TrivialSweep.Of(cells, "bench-engine-small");
        var large = TrivialSweep.Of(2 * cells, "bench-engine-large");
        // Warm-up: one whole small sweep through each path (JIT, SQLite, Orleans set-up); the first one is what a
        // fresh `sweep run` of that size costs, so it is reported.
        var cold = await TimeEmbedded(small, 1, ct);
        await DirectRun.RunAsync(small, ct);

        var direct = new List<double>();
        var embeddedSmall = new List<Run>();
        var embeddedLarge = new List<Run>();
        var embeddedParallel = new List<Run>();
        for (var repeat = 0; repeat < Repeats; repeat++)
        {
            direct.Add((await DirectRun.RunAsync(small, ct)).TotalMilliseconds);
            embeddedSmall.Add(await TimeEmbedded(small, 1, ct));
            embeddedLarge.Add(await TimeEmbedded(large, 1, ct));
            embeddedParallel.Add(await TimeEmbedded(small, Environment.ProcessorCount, ct));
        }

        var directPerCell = Median(direct) / small.CellCount;
        var extraCells = large.CellCount - small.CellCount;
        var slope = (Median(embeddedLarge, r => r.WallMs) - Median(embeddedSmall, r => r.WallMs)) / extraCells;
        var cpuSlope = (Median(embeddedLarge, r => r.CpuMs) - Median(embeddedSmall, r => r.CpuMs)) / extraCells;
        Console.WriteLine();
        Console.WriteLine("| measure (medians of 3) | value |");
        Console.WriteLine("| --- | --- |");
        Row("cells in the small / large sweep", $"{small.CellCount} / {large.CellCount}");
        Row("CellWorker alone, ms per cell", $"{directPerCell:F3}");
        Row("embedded sweep, small, total ms (concurrency 1)", $"{Median(embeddedSmall, r => r.WallMs):F0}");
        Row("embedded sweep, large, total ms (concurrency 1)", $"{Median(embeddedLarge, r => r.WallMs):F0}");
        Row("embedded, ms per cell (slope large − small)", $"{slope:F3}");
        Row("embedded, ms per cell (small total / cells, fixed cost included)", $"{Median(embeddedSmall, r => r.WallMs) / small.CellCount:F3}");
        Row("engine overhead per cell (slope − CellWorker)", $"{slope - directPerCell:F3}");
        var computeSlope = (Median(embeddedLarge, r => r.ComputedMs) - Median(embeddedSmall, r => r.ComputedMs)) / extraCells;
        var outputSlope = (Median(embeddedLarge, r => r.WallMs - r.ComputedMs) - Median(embeddedSmall, r => r.WallMs - r.ComputedMs)) / extraCells;
        Row("  of which: host build → sweep completed, ms per cell (slope)", $"{computeSlope:F3}");
        Row("  of which: completed → outputs written (result pages, phase map), ms per cell (slope)", $"{outputSlope:F3}");
        Row("process CPU, ms per cell (slope large − small; both cores, JIT included)", $"{cpuSlope:F3}");
        Row("first embedded sweep of the process (cold JIT), small, ms per cell incl. fixed cost", $"{cold.WallMs / small.CellCount:F3}");
        Row("first embedded sweep: host build → silo started / → first cell counted, ms", $"{cold.HostStartedMs:F0} / {cold.FirstCellMs:F0}");
        Row("warm sweeps: host build → silo started / → first cell counted, ms (medians)", $"{Median(embeddedSmall, r => r.HostStartedMs):F0} / {Median(embeddedSmall, r => r.FirstCellMs):F0}");
        Row("warm sweeps: completed → outputs written (result pages + phase map), small, ms", $"{Median(embeddedSmall, r => r.WallMs - r.ComputedMs):F0}");
        Row($"embedded, small, total ms (concurrency {Environment.ProcessorCount})", $"{Median(embeddedParallel, r => r.WallMs):F0}");
        Console.WriteLine($"# load average after the timed sweeps: {LoadAverage()}");

        if (memoryCells > 0)
        {
            await MemoryCheck(memoryCells, ct);
        }

        Console.WriteLine();
        Console.WriteLine($"# load average at end: {LoadAverage()}");
        return 0;
    }

    private static async Task<Run> TimeEmbedded(ValidatedSweep sweep, int concurrency, CancellationToken ct)
    {
        var cpu = ProcessCpu();
        var timing = await EmbeddedRun.RunAsync(sweep, concurrency, null, ct);
        var cpuMs = (ProcessCpu() - cpu).TotalMilliseconds;
        return new Run(timing.Elapsed.TotalMilliseconds, cpuMs, timing.HostStarted.TotalMilliseconds, timing.FirstCell.TotalMilliseconds, timing.Computed.TotalMilliseconds);
    }

    /// <summary>One long embedded sweep; live heap (after a full GC), working set and allocations at ten checkpoints.</summary>
    private static async Task MemoryCheck(int cells, CancellationToken ct)
    {
        var sweep = TrivialSweep.Of(cells, "bench-engine-memory");
        var samples = new List<(int Done, long Allocated, long Live, long WorkingSet)>();
        var every = Math.Max(1, sweep.CellCount / 10);
        var next = every;
        var gate = new object();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var liveBefore = GC.GetTotalMemory(forceFullCollection: true);
        void Sample(SweepStatus progress)
        {
            lock (gate)
            {
                if (progress.Done < next)
                {
                    return;
                }

                next = progress.Done + every;
                var live = GC.GetTotalMemory(forceFullCollection: true);
                using var process = Process.GetCurrentProcess();
                samples.Add((progress.Done, GC.GetTotalAllocatedBytes(precise: false), live, process.WorkingSet64));
            }
        }

        var timing = await EmbeddedRun.RunAsync(sweep, Environment.ProcessorCount, Sample, ct);
        var elapsed = timing.Elapsed;
        var allocatedAfter = GC.GetTotalAllocatedBytes(precise: true);
        var liveAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine();
        Console.WriteLine($"# memory over one embedded sweep of {sweep.CellCount} trivial cells (concurrency {Environment.ProcessorCount}): "
            + $"{timing.Status.State}, {elapsed.TotalSeconds:F1} s, {elapsed.TotalMilliseconds / sweep.CellCount:F3} ms per cell");
        Console.WriteLine($"allocated per cell (whole run incl. host, store, phase map): {(allocatedAfter - allocatedBefore) / (double)sweep.CellCount / 1024:F1} KiB");
        Console.WriteLine($"live heap before {liveBefore / 1048576.0:F1} MiB, after the host stopped {liveAfter / 1048576.0:F1} MiB");
        Console.WriteLine();
        Console.WriteLine("| cells done | live heap after full GC (MiB) | working set (MiB) | allocated since start (MiB) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: |");
        foreach (var (done, allocated, live, workingSet) in samples)
        {
            Console.WriteLine($"| {done} | {live / 1048576.0:F1} | {workingSet / 1048576.0:F1} | {(allocated - allocatedBefore) / 1048576.0:F1} |");
        }
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Tiered compilation and tiered PGO as this process runs them: an environment override, else runtimeconfig.json.</summary>
    private static string JitMode()
    {
        static bool On(string environment, string property) =>
            (Environment.GetEnvironmentVariable("DOTNET_" + environment) ?? Environment.GetEnvironmentVariable("COMPlus_" + environment)) is { } set
                ? set != "0"
                : AppContext.GetData(property) is not { } configured || !string.Equals(configured.ToString(), "false", StringComparison.OrdinalIgnoreCase);
        return $"tiered compilation {(On("TieredCompilation", "System.Runtime.TieredCompilation") ? "on" : "off")}, "
            + $"quick JIT {(On("TC_QuickJit", "System.Runtime.TieredCompilation.QuickJit") ? "on" : "off")}, "
            + $"tiered PGO {(On("TieredPGO", "System.Runtime.TieredPGO") ? "on" : "off")}";
    }

    private static string LoadAverage() => Engine.LoadAverage.Now() + " (1, 5, 15 min)";

    private static void Row(string name, string value) => Console.WriteLine($"| {name} | {value} |");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);
    }

    private static double Median(List<Run> runs, Func<Run, double> measure) => Median(runs.ConvertAll(r => measure(r)));

    private readonly record struct Run(double WallMs, double CpuMs, double HostStartedMs, double FirstCellMs, double ComputedMs);
}
