using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Benchmarks.Engine;

/// <summary>
/// Issue 7: engine overhead per trivial cell over RabbitMQ (target ≤ 5 ms). One coordinator silo and one worker silo
/// of concurrency 1, as separate processes; the probe submits and polls as the client does.
/// </summary>
/// <remarks>
/// As in <see cref="EngineProbe"/>: the per-cell cost is the slope between sweeps of C and 2C cells, so the fixed
/// cost of a sweep (planning, the first status poll, the phase-map write's constant part) cancels; the overhead is
/// that slope minus the time of the same cells through <c>CellWorker</c> alone, in this process. Medians of
/// <c>repeats</c> interleaved runs, after a warm-up that runs until the sweeps' times settle (JIT; see
/// <see cref="WarmUpAsync"/>), so this is the overhead of long-running silos; the first warm-up sweep's naive time per
/// cell is printed as the cold figure. CPU per cell by process (slope of CPU time) shows where the overhead is spent.
/// </remarks>
internal static class BrokerOverhead
{
    private const double TargetMs = 5;
    private const int MaxWarmups = 12;
    private const int MinWarmupCells = 4000;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static async Task RunAsync(BrokerNode node, BrokerFiles files, string folder, int cells, int repeats, CancellationToken ct)
    {
        var loadBefore = BrokerReport.LoadAverage();
        await using var cluster = await BrokerCluster.StartAsync(node, files.Silo, "overhead", 1, folder, ct);
        await cluster.WaitForWorkersAsync(TimeSpan.FromSeconds(60), ct);

        var reference = BrokerSpecs.Trivial(cells, 1, "bench-broker-direct");
        var warmups = await WarmUpAsync(cluster, reference, ct);

        var direct = new List<double>();
        var small = new List<BrokerSweepTiming>();
        var large = new List<BrokerSweepTiming>();
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            direct.Add((await DirectRun.RunAsync(reference, ct)).TotalMilliseconds);
            small.Add(await Timed(cluster, BrokerSpecs.Trivial(cells, 1000 + repeat, "bench-broker-small"), ct));
            large.Add(await Timed(cluster, BrokerSpecs.Trivial(2 * cells, 2000 + repeat, "bench-broker-large"), ct));
        }

        var cellsSmall = small[0].Cells;
        var cellsLarge = large[0].Cells;
        var directPerCell = BrokerReport.Median(direct) / reference.CellCount;
        double Slope(Func<BrokerSweepTiming, TimeSpan> of) =>
            (BrokerReport.Median(large.Select(t => of(t).TotalMilliseconds)) - BrokerReport.Median(small.Select(t => of(t).TotalMilliseconds))) / (cellsLarge - cellsSmall);
        var slope = Slope(t => t.Completed);
        BrokerReport.Json(
            ("bench", "cluster_engine_overhead"), ("transport", "rabbitmq"), ("workers", 1), ("concurrency", 1), ("repeats", repeats),
            ("cells_small", cellsSmall), ("cells_large", cellsLarge),
            ("direct_ms_per_cell", directPerCell),
            ("small_s", BrokerReport.Median(small.Select(t => t.Completed.TotalSeconds))),
            ("large_s", BrokerReport.Median(large.Select(t => t.Completed.TotalSeconds))),
            ("slope_ms_per_cell", slope),
            ("slope_durable_ms_per_cell", Slope(t => t.Durable)),
            ("naive_ms_per_cell", BrokerReport.Median(small.Select(t => t.Completed.TotalMilliseconds)) / cellsSmall),
            ("overhead_ms_per_cell", slope - directPerCell),
            ("warmup_sweeps", warmups.Count), ("warmup_cells", warmups.Sum(w => w.Cells)),
            ("first_warmup_ms_per_cell", warmups[0].Completed.TotalMilliseconds / warmups[0].Cells),
            ("target_ms", TargetMs), ("met", slope - directPerCell <= TargetMs),
            ("worker_cpu_ms_per_cell", Slope(t => t.WorkerCpu)),
            ("coordinator_cpu_ms_per_cell", Slope(t => t.CoordinatorCpu)),
            ("broker_cpu_ms_per_cell", large.Concat(small).All(t => t.BrokerCpu is not null) ? Slope(t => t.BrokerCpu!.Value) : null),
            ("client_cpu_ms_per_cell", Slope(t => t.ClientCpu)),
            ("other_cpu_s_runs", small.Concat(large).Select(t => t.OtherCpu.TotalSeconds).ToList()),
            ("load_before", loadBefore), ("load_after", BrokerReport.LoadAverage()));
    }

    /// <summary>
    /// Sweeps of C cells until at least <see cref="MinWarmupCells"/> cells ran and the last two agree within 10% (at
    /// most <see cref="MaxWarmups"/> sweeps). Tiered JIT with PGO goes on recompiling the message path in all four
    /// processes for a few thousand cells, and its background compiles take the cores the timed sweeps need: at C = 300
    /// the first warm-up sweep took 6× as long as the eighth. Returns the warm-up sweeps; a long-running silo is the
    /// steady state measured after them.
    /// </summary>
    private static async Task<List<BrokerSweepTiming>> WarmUpAsync(BrokerCluster cluster, ValidatedSweep reference, CancellationToken ct)
    {
        var warmups = new List<BrokerSweepTiming>();
        var settled = false;
        while (warmups.Count < MaxWarmups && !(settled && warmups.Sum(w => w.Cells) >= MinWarmupCells))
        {
            var timing = await cluster.RunAsync(BrokerSpecs.Trivial(reference.CellCount, 900_000 + warmups.Count, "bench-broker-warmup"), Timeout(reference.CellCount), Poll, ct);
            await DirectRun.RunAsync(reference, ct);
            warmups.Add(timing);
            BrokerReport.Note($"overhead warm-up {warmups.Count}: {timing.Cells} trivial cells, completed {BrokerReport.Seconds(timing.Completed)} s");
            settled = warmups.Count >= 2 && Math.Abs(timing.Completed.TotalSeconds - warmups[^2].Completed.TotalSeconds) <= 0.1 * warmups[^2].Completed.TotalSeconds;
        }

        var cells = warmups.Sum(w => w.Cells);
        if (!settled || cells < MinWarmupCells)
        {
            BrokerReport.Note($"overhead warm-up: {(settled ? "" : "times not settled, ")}{cells} cells in {warmups.Count} sweeps; the JIT may still be warming (small C or a busy machine)");
        }

        return warmups;
    }

    private static async Task<BrokerSweepTiming> Timed(BrokerCluster cluster, ValidatedSweep sweep, CancellationToken ct)
    {
        var timing = await cluster.RunAsync(sweep, Timeout(sweep.CellCount), Poll, ct);
        BrokerReport.Note($"overhead: {timing.Cells} trivial cells, durable {BrokerReport.Seconds(timing.Durable)} s, completed {BrokerReport.Seconds(timing.Completed)} s; "
            + $"CPU worker {BrokerReport.Seconds(timing.WorkerCpu)} s, coordinator {BrokerReport.Seconds(timing.CoordinatorCpu)} s, "
            + $"broker {(timing.BrokerCpu is { } broker ? BrokerReport.Seconds(broker) : "?")} s, probe {BrokerReport.Seconds(timing.ClientCpu)} s, "
            + $"other processes {BrokerReport.Seconds(timing.OtherCpu)} s");
        return timing;
    }

    /// <summary>A generous bound: 100 ms per trivial cell (20× the target) plus a minute for the sweep's fixed costs.</summary>
    private static TimeSpan Timeout(int cells) => TimeSpan.FromSeconds(60 + (0.1 * cells));
}
