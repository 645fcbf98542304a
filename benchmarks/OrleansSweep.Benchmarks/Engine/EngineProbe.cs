using System.Diagnostics;
using System.Globalization;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Benchmarks.Engine;

/// <summary>
/// Engine overhead per trivial cell and memory over a long sweep (issue 7: ≤ 1 ms per cell embedded; memory flat over
/// 10,000 cells). Outside BenchmarkDotNet because every run starts and stops a host; medians of repeated runs.
/// </summary>
/// <remarks>
/// Per-cell cost is the slope between sweeps of C and 2C cells, so the fixed cost of a sweep (host start, store
/// creation, phase-map write) cancels; the naive total/C is printed beside it. "Overhead" is the embedded slope minus
/// the time of the same cells through <c>CellWorker</c> alone. Concurrency 1, so both paths use one core for cells.
/// </remarks>
internal static class EngineProbe
{
    private const int Repeats = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var cells = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var memoryCells = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var ct = CancellationToken.None;
        Console.WriteLine($"# engine probe: kernels {DenseKernels.Describe()}, {Environment.ProcessorCount} cores, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");

        var small = TrivialSweep.Of(cells, "bench-engine-small");
        var large = TrivialSweep.Of(2 * cells, "bench-engine-large");
        await EmbeddedRun.RunAsync(TrivialSweep.Of(64, "bench-engine-warmup"), 1, null, ct); // JIT, SQLite, MassTransit warm-up
        await DirectRun.RunAsync(small, ct);

        var direct = new List<double>();
        var embeddedSmall = new List<double>();
        var embeddedLarge = new List<double>();
        var embeddedParallel = new List<double>();
        for (var repeat = 0; repeat < Repeats; repeat++)
        {
            direct.Add((await DirectRun.RunAsync(small, ct)).TotalMilliseconds);
            embeddedSmall.Add(await TimeEmbedded(small, 1, ct));
            embeddedLarge.Add(await TimeEmbedded(large, 1, ct));
            embeddedParallel.Add(await TimeEmbedded(small, Environment.ProcessorCount, ct));
        }

        var directPerCell = Median(direct) / small.CellCount;
        var slope = (Median(embeddedLarge) - Median(embeddedSmall)) / (large.CellCount - small.CellCount);
        Console.WriteLine();
        Console.WriteLine("| measure (medians of 3) | value |");
        Console.WriteLine("| --- | --- |");
        Row("cells in the small / large sweep", $"{small.CellCount} / {large.CellCount}");
        Row("CellWorker alone, ms per cell", $"{directPerCell:F3}");
        Row("embedded sweep, small, total ms (concurrency 1)", $"{Median(embeddedSmall):F0}");
        Row("embedded sweep, large, total ms (concurrency 1)", $"{Median(embeddedLarge):F0}");
        Row("embedded, ms per cell (slope large − small)", $"{slope:F3}");
        Row("embedded, ms per cell (small total / cells, fixed cost included)", $"{Median(embeddedSmall) / small.CellCount:F3}");
        Row("engine overhead per cell (slope − CellWorker)", $"{slope - directPerCell:F3}");
        Row($"embedded, small, total ms (concurrency {Environment.ProcessorCount})", $"{Median(embeddedParallel):F0}");

        await MemoryCheck(memoryCells, ct);
        return 0;
    }

    private static async Task<double> TimeEmbedded(Sweeps.Specs.ValidatedSweep sweep, int concurrency, CancellationToken ct)
    {
        var (outcome, elapsed) = await EmbeddedRun.RunAsync(sweep, concurrency, null, ct);
        if (!outcome.Completed || outcome.Failed > 0)
        {
            throw new InvalidOperationException($"The sweep did not complete: {outcome.StopReason}, {outcome.Failed} failed.");
        }

        return elapsed.TotalMilliseconds;
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
        void Sample(SweepProgress progress)
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

        var (outcome, elapsed) = await EmbeddedRun.RunAsync(sweep, Environment.ProcessorCount, Sample, ct);
        var allocatedAfter = GC.GetTotalAllocatedBytes(precise: true);
        var liveAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine();
        Console.WriteLine($"# memory over one embedded sweep of {sweep.CellCount} trivial cells (concurrency {Environment.ProcessorCount}): "
            + $"completed {outcome.Completed}, {elapsed.TotalSeconds:F1} s, {elapsed.TotalMilliseconds / sweep.CellCount:F3} ms per cell");
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

    private static void Row(string name, string value) => Console.WriteLine($"| {name} | {value} |");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);
    }
}
