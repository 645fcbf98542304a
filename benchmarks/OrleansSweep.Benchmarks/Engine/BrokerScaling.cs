namespace OrleansSweep.Benchmarks.Engine;

/// <summary>
/// Issue 7: 2 silo processes on 2 cores ≥ 1.8× one, for real cells. The same Lyapunov sweep (the cell of
/// <see cref="SweepThroughput"/>) on a cluster with one worker silo and on one with two, each worker computing one
/// cell at a time with one BLAS thread; wall time from the submit until every result is durable.
/// </summary>
/// <remarks>
/// Both clusters run side by side on the probe's broker (one virtual host each) and the runs alternate, so a change
/// of load on the machine hits both alike; the idle cluster only sends heartbeats. Every run has its own seed (a new
/// sweep of the same cost). Medians of <c>repeats</c>.
/// </remarks>
internal static class BrokerScaling
{
    private const double Target = 1.8;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static async Task RunAsync(BrokerNode node, BrokerFiles files, string folder, int cells, int n, int realizations, int repeats, CancellationToken ct)
    {
        var loadBefore = BrokerReport.LoadAverage();
        await using var one = await BrokerCluster.StartAsync(node, files.Silo, "one-silo", 1, folder, ct);
        await using var two = await BrokerCluster.StartAsync(node, files.Silo, "two-silos", 2, folder, ct);
        foreach (var cluster in new[] { one, two })
        {
            await cluster.WaitForWorkersAsync(TimeSpan.FromSeconds(60), ct);
            // Trivial cells warm the message path (its JIT takes a few hundred cells, see BrokerOverhead), then a short
            // sweep of the real cell (20 time units instead of 200) warms the science on every worker.
            await cluster.RunAsync(BrokerSpecs.Trivial(300, 900_000, $"bench-broker-warmup-trivial-{cluster.Name}"), TimeSpan.FromMinutes(2), Poll, ct);
            var warmup = BrokerSpecs.Lyapunov(2 * cluster.Workers, n, 1, 20, 900_000 + cluster.Workers, $"bench-broker-warmup-{cluster.Name}");
            await cluster.RunAsync(warmup, TimeSpan.FromMinutes(5), Poll, ct);
        }

        var runs = new Dictionary<BrokerCluster, List<BrokerSweepTiming>> { [one] = [], [two] = [] };
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            foreach (var cluster in new[] { one, two })
            {
                var sweep = BrokerSpecs.Lyapunov(cells, n, realizations, 200, 3000 + (10 * repeat) + cluster.Workers, $"bench-broker-{cluster.Name}");
                var timeout = TimeSpan.FromSeconds(120 + (10.0 * cells * realizations * Math.Pow(n / 128.0, 3)));
                var timing = await cluster.RunAsync(sweep, timeout, Poll, ct);
                runs[cluster].Add(timing);
                BrokerReport.Note($"scaling: {cluster.Workers} worker silo(s), {timing.Cells} cells × {realizations} at N = {n}: durable {BrokerReport.Seconds(timing.Durable)} s, "
                    + $"completed {BrokerReport.Seconds(timing.Completed)} s, worker CPU {BrokerReport.Seconds(timing.WorkerCpu)} s, "
                    + $"other processes' CPU {BrokerReport.Seconds(timing.OtherCpu)} s, "
                    + $"cells by silo {string.Join(", ", timing.CellsBySilo.Select(p => $"{p.Key} {p.Value}"))}");
            }
        }

        foreach (var cluster in new[] { one, two })
        {
            var timings = runs[cluster];
            var total = BrokerReport.Median(timings.Select(t => t.Durable.TotalSeconds));
            BrokerReport.Json(
                ("bench", $"cluster_lyapunov_sweep_{cluster.Workers}silo"), ("transport", "rabbitmq"), ("silos", cluster.Workers), ("concurrency", 1),
                ("n", n), ("cells", cells), ("realizations", realizations), ("repeats", repeats),
                ("total_s", total), ("runs_s", timings.Select(t => t.Durable.TotalSeconds).ToList()),
                ("completed_s", BrokerReport.Median(timings.Select(t => t.Completed.TotalSeconds))),
                ("worker_cpu_s", BrokerReport.Median(timings.Select(t => t.WorkerCpu.TotalSeconds))),
                ("runs_per_s", cells * realizations / total),
                ("other_cpu_s_runs", timings.Select(t => t.OtherCpu.TotalSeconds).ToList()),
                ("cells_by_silo", timings[^1].CellsBySilo));
        }

        var oneSilo = BrokerReport.Median(runs[one].Select(t => t.Durable.TotalSeconds));
        var twoSilos = BrokerReport.Median(runs[two].Select(t => t.Durable.TotalSeconds));
        BrokerReport.Json(
            ("bench", "cluster_silo_scaling"), ("transport", "rabbitmq"), ("n", n), ("cells", cells), ("realizations", realizations), ("repeats", repeats),
            ("one_silo_s", oneSilo), ("two_silo_s", twoSilos), ("speedup", oneSilo / twoSilos),
            ("speedup_runs", runs[one].Zip(runs[two], (a, b) => a.Durable.TotalSeconds / b.Durable.TotalSeconds).ToList()),
            ("target", Target), ("met", oneSilo / twoSilos >= Target),
            ("load_before", loadBefore), ("load_after", BrokerReport.LoadAverage()));
    }
}
