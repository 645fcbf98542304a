using System.Globalization;
using OrleansSweep.Cluster.Tests.Support;
using static OrleansSweep.Cluster.Tests.Integration.ClusterSweepTests;

namespace OrleansSweep.Cluster.Tests.Integration;

/// <summary>Faults on real processes: kill -9 of silos, a whole-cluster crash, a Redis outage.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterRecoveryTests : IDisposable
{
    private const int Cells = 30;
    private readonly string folder = Directory.CreateTempSubdirectory("cluster-recovery-").FullName;

    [Fact]
    public async Task Killing_a_worker_silo_loses_nothing_and_recomputes_at_most_its_running_cell()
    {
        await using var cluster = await TestCluster.StartAsync(silos: 2);
        var id = await SubmitAsync(cluster);
        await UntilDone(cluster, id, 6);
        var host = (await StatusAsync(cluster, id)).Host;
        var victim = cluster.Silos.First(s => s.Name != host);
        var survivor = cluster.Silo(host);

        await victim.KillAsync();
        var status = await FinishAsync(cluster, id);

        var countedFromVictim = CellsBy(status, victim.Name);
        var survivorComputed = (await survivor.StatsAsync()).Computed;
        Assert.Equal(Cells, CellsBy(status, victim.Name) + CellsBy(status, survivor.Name));
        Assert.InRange(survivorComputed + countedFromVictim, Cells, Cells + 1); // the victim's one running cell, at most
        await AssertResultsAsync(cluster, id);
    }

    [Fact]
    public async Task A_killed_silos_cells_start_again_on_the_survivor_long_before_the_default_directory_lease_ends()
    {
        // Four long cells at concurrency 1: each silo pulls two (one running, one queued), so the victim holds two.
        var spec = ClusterSpecs.Write(folder, "restart", cells: 4, n: 200, averagingTime: 400); // ~2 s a cell on an idle core
        await using var cluster = await TestCluster.StartAsync(silos: 2);
        var submitted = await cluster.SweepAsync("submit", spec);
        Assert.True(submitted.ExitCode == 0, submitted + cluster.Logs());
        var id = submitted.Output.Trim();
        await Until(async () => (await Task.WhenAll(cluster.Silos.Select(s => s.StatsAsync()))).All(s => s.Busy == 1 && s.Queued == 1),
            TimeSpan.FromMinutes(1), "both silos holding two cells", cluster.Logs);
        var host = (await StatusAsync(cluster, id)).Host;
        var victim = cluster.Silos.First(s => s.Name != host);
        var survivor = cluster.Silo(host);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await victim.KillAsync();
        // Accepted: the survivor's executor holds more than its own two cells (computed, running or queued).
        await Until(async () => (await survivor.StatsAsync()) is var s && s.Computed + s.Busy + s.Queued > 2, TimeSpan.FromSeconds(60),
            "the victim's cells accepted by the survivor", () => survivor.Output);
        var restarted = clock.Elapsed;

        // Orleans' default 30 s directory lease, counted from the estimated failure time, held the dead silo's grains
        // for 22 s after the death was declared: 23 s from the kill here. The benchmark holds the ≤ 5 s target; this
        // bound only has to tell the two apart on a loaded machine.
        Assert.True(restarted < TimeSpan.FromSeconds(15), $"the victim's cells accepted {restarted.TotalSeconds:F1} s after the kill");
        var status = await FinishAsync(cluster, id);
        Assert.Equal((4, 0), (status.Done, status.Failed));
    }

    [Fact]
    public async Task Killing_the_silo_of_the_sweep_grain_resumes_it_on_a_survivor_without_recomputing_stored_cells()
    {
        await using var cluster = await TestCluster.StartAsync(silos: 2);
        var id = await SubmitAsync(cluster);
        await UntilDone(cluster, id, 6);
        var host = cluster.Silo((await StatusAsync(cluster, id)).Host);
        var survivor = cluster.Silos.Single(s => s != host);
        var computedBeforeKill = (await host.StatsAsync()).Computed;

        await host.KillAsync();
        var status = await FinishAsync(cluster, id);

        Assert.Equal(survivor.Name, status.Host);
        Assert.True(status.Resumed > 0, "the survivor restored the stored progress");
        // Between the stats read and the kill the victim may finish (and store) one more cell: −1; at most its running
        // cell is recomputed: +1, and one more for the read race.
        Assert.InRange(computedBeforeKill + (await survivor.StatsAsync()).Computed, Cells - 1, Cells + 2);
        await AssertResultsAsync(cluster, id);
    }

    [Fact]
    public async Task After_every_silo_is_killed_one_restarted_silo_finishes_the_sweep_unasked()
    {
        await using var cluster = await TestCluster.StartAsync(silos: 2);
        var id = await SubmitAsync(cluster);
        await UntilDone(cluster, id, 6);
        var doneBeforeKill = (await StatusAsync(cluster, id)).Done;
        foreach (var silo in cluster.Silos)
        {
            await silo.KillAsync();
        }

        // A cold restart takes a fresh cluster id: under the old one a joining silo first waits to reach the dead silos
        // the membership table still lists. Grain state and reminders are keyed by the service id and stay.
        cluster.RenewClusterId();
        var restarted = await cluster.AddSiloAsync("silo3");
        // Nobody calls the sweep: the restarted silo finds it in the stored registry (and the reminder wakes it).
        await Until(async () => (await restarted.StatsAsync()).Computed >= Cells - doneBeforeKill - 4, TimeSpan.FromMinutes(3), "the restarted silo computes the rest", () => restarted.Output);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var status = await FinishAsync(cluster, id);
        Assert.Equal(Cells, status.Done);
        await AssertResultsAsync(cluster, id);
    }

    [Fact]
    public async Task A_ten_second_redis_outage_mid_sweep_is_survived()
    {
        await using var cluster = await TestCluster.StartAsync(silos: 2);
        var id = await SubmitAsync(cluster);
        await UntilDone(cluster, id, 6);

        await cluster.Redis.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
        await cluster.Redis.RestartAsync();
        var status = await FinishAsync(cluster, id);

        Assert.Equal((Cells, 0), (status.Done, status.Failed));
        Assert.All(cluster.Silos, s => Assert.False(s.HasExited, s.Output));
        await AssertResultsAsync(cluster, id);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<string> SubmitAsync(TestCluster cluster)
    {
        var spec = ClusterSpecs.Write(folder, "recovery", Cells, n: 48, averagingTime: 300);
        var submitted = await cluster.SweepAsync("submit", spec);
        Assert.True(submitted.ExitCode == 0, submitted + cluster.Logs());
        return submitted.Output.Trim();
    }

    private static async Task UntilDone(TestCluster cluster, string id, int done) =>
        await Until(async () => (await StatusAsync(cluster, id)).Done >= done, TimeSpan.FromMinutes(2), $"{done} cells done");

    private static async Task<StatusView> FinishAsync(TestCluster cluster, string id)
    {
        var watch = await SweepCli.RunAsync(["watch", id, "--cluster", cluster.Address, "--cluster-id", cluster.ClusterId, "--timeout", "30"], TimeSpan.FromMinutes(4));
        Assert.True(watch.ExitCode == 0, watch + cluster.Logs());
        return StatusView.Parse(watch.Output);
    }

    private static async Task<StatusView> StatusAsync(TestCluster cluster, string id)
    {
        var status = await cluster.SweepAsync("status", id);
        return status.ExitCode == 0 ? StatusView.Parse(status.Output) : new StatusView("?", 0, 0, 0, new Dictionary<string, int>());
    }

    private static int CellsBy(StatusView status, string silo) => status.CellsBySilo.GetValueOrDefault(silo);

    private async Task AssertResultsAsync(TestCluster cluster, string id)
    {
        var output = Path.Combine(folder, "results-" + Guid.NewGuid().ToString("N")[..6]);
        var results = await cluster.SweepAsync("results", id, "--out", output);
        Assert.True(results.ExitCode == 0, results.ToString());
        var map = PhaseMapTable.Read(Path.Combine(output, "phase_map.parquet"));
        var ids = map.Rows.Select(r => r[map.Columns.ToList().IndexOf("cell_id")]).ToList();
        Assert.Equal(Cells, ids.Count);
        Assert.Equal(Cells, ids.Distinct().Count());
    }

    /// <summary>The parts of <c>sweep status</c>/<c>watch</c> output the tests read.</summary>
    private sealed record StatusView(string Host, int Done, int Failed, int Resumed, IReadOnlyDictionary<string, int> CellsBySilo)
    {
        public static StatusView Parse(string text)
        {
            var lines = text.Split('\n').Select(l => l.Trim()).ToList();
            var head = lines.Last(l => l.StartsWith("sweep ", StringComparison.Ordinal) && l.Contains(", on silo ", StringComparison.Ordinal));
            var cells = lines.Last(l => l.StartsWith("cells: ", StringComparison.Ordinal));
            var activation = lines.Last(l => l.StartsWith("this activation: ", StringComparison.Ordinal));
            var bySilo = lines.Where(l => l.StartsWith("silo ", StringComparison.Ordinal))
                .Select(l => l["silo ".Length..].Split(": "))
                .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => int.Parse(g.Last()[1].Split(' ')[0], CultureInfo.InvariantCulture));
            return new StatusView(
                head[(head.LastIndexOf(", on silo ", StringComparison.Ordinal) + ", on silo ".Length)..],
                int.Parse(cells["cells: ".Length..].Split('/')[0], CultureInfo.InvariantCulture),
                int.Parse(cells.Split(", ")[1].Split(' ')[0], CultureInfo.InvariantCulture),
                int.Parse(activation["this activation: ".Length..].Split(' ')[0], CultureInfo.InvariantCulture),
                bySilo);
        }
    }
}
