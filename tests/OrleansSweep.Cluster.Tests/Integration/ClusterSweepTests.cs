using OrleansSweep.Cluster.Tests.Support;

namespace OrleansSweep.Cluster.Tests.Integration;

/// <summary>Two real silo processes over a real Redis, driven by the real client.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterSweepTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cluster-sweep-").FullName;

    [Fact]
    public async Task Two_silos_write_the_embedded_phase_map_and_neither_idles_while_cells_remain()
    {
        // Cells of a few hundred milliseconds: the split then measures each silo's compute, not the messaging overhead of
        // the silo that also hosts the sweep grain and answers the client.
        var spec = ClusterSpecs.Write(folder, "even", cells: 64, n: 64, averagingTime: 500);
        await using var cluster = await TestCluster.StartAsync(silos: 2);

        var submitted = await cluster.SweepAsync("submit", spec);
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var before = await StatsBySiloAsync(cluster);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var watched = await cluster.SweepAsync("watch", submitted.Output.Trim());
        var window = clock.Elapsed.TotalSeconds;
        var after = await StatsBySiloAsync(cluster);
        Assert.True(watched.ExitCode == 0, watched + cluster.Logs());
        var results = await cluster.SweepAsync("results", submitted.Output.Trim(), "--out", Path.Combine(folder, "cluster"));
        Assert.True(results.ExitCode == 0, results.ToString());
        var embedded = await SweepCli.RunAsync(["run", spec, "--out", Path.Combine(folder, "embedded")]);
        Assert.True(embedded.ExitCode == 0, embedded.ToString());

        var clusterMap = PhaseMapTable.Read(Path.Combine(folder, "cluster", "phase_map.parquet"));
        var embeddedMap = PhaseMapTable.Read(Path.Combine(folder, "embedded", "phase_map.parquet"));
        Assert.Equal(64, clusterMap.Rows.Count);
        Assert.Equal(embeddedMap.Comparable(), clusterMap.Comparable());
        foreach (var silo in cluster.Silos)
        {
            // The pull model's promise: a silo's threads never wait while the sweep has cells to hand out. Only the first
            // pull and the last cell's tail may leave one idle, about a cell's length of a 15-25 s window (measured: 3.3%
            // with two busy loops beside the silos). How many cells each silo computes follows the CPU it got, which on a
            // shared machine need not be half (37/27 was seen under load), so the counts only have to show both at work.
            var idleShare = (after[silo.Name].IdleSeconds - before[silo.Name].IdleSeconds) / (window * after[silo.Name].Threads);
            var count = CellsComputedBy(silo.Name, watched.Output);
            var diagnostics = $"silo {silo.Name}: idle {idleShare:P1} of {window:F1} s, {count} of 64 cells\n{watched.Output}";
            Assert.True(idleShare <= 0.15, diagnostics);
            Assert.True(count >= 16, diagnostics);
        }
    }

    [Fact]
    public async Task Cancel_idles_the_silos_within_a_second_and_submitting_again_resumes()
    {
        var spec = ClusterSpecs.Write(folder, "cancel", cells: 6, n: 200, averagingTime: 4000);
        await using var cluster = await TestCluster.StartAsync(silos: 2);
        var id = (await cluster.SweepAsync("submit", spec)).Output.Trim();
        await Until(async () => (await Task.WhenAll(cluster.Silos.Select(s => s.StatsAsync()))).All(s => s.Busy == 1), TimeSpan.FromSeconds(60), "both silos computing");

        var cancel = await cluster.SweepAsync("cancel", id);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Until(async () => (await Task.WhenAll(cluster.Silos.Select(s => s.StatsAsync()))).All(s => s.Busy == 0 && s.Queued == 0), TimeSpan.FromSeconds(10), "silos idle");

        Assert.True(cancel.ExitCode == 0, cancel.ToString());
        Assert.Contains("cancelled", cancel.Output, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"idle after {clock.Elapsed.TotalMilliseconds:F0} ms");
        var again = await cluster.SweepAsync("submit", spec);
        Assert.Equal(id, again.Output.Trim());
        await Until(async () => (await Task.WhenAll(cluster.Silos.Select(s => s.StatsAsync()))).Any(s => s.Busy > 0), TimeSpan.FromSeconds(30), "resumed");
        await cluster.SweepAsync("cancel", id);
    }

    [Fact]
    public async Task An_unreachable_cluster_is_a_clear_error_within_seconds()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var status = await SweepCli.RunAsync(["status", Guid.NewGuid().ToString(), "--cluster", $"redis://127.0.0.1:{FreePort.Next()}", "--timeout", "3"]);

        Assert.Equal(3, status.ExitCode);
        Assert.Contains("cannot reach the cluster", status.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        var bad = await SweepCli.RunAsync(["status", Guid.NewGuid().ToString(), "--cluster", "http://x"]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("redis://HOST:PORT", bad.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<Dictionary<string, SiloStats>> StatsBySiloAsync(TestCluster cluster) =>
        (await Task.WhenAll(cluster.Silos.Select(s => s.StatsAsync()))).ToDictionary(s => s.Name);

    /// <summary>The count on the watch output's line for <paramref name="silo"/> ("silo NAME: COUNT cells ...").</summary>
    private static int CellsComputedBy(string silo, string watchOutput)
    {
        var line = watchOutput.Split('\n').SingleOrDefault(l => l.Contains($"silo {silo}: ", StringComparison.Ordinal));
        Assert.True(line is not null, $"no line for silo {silo} in:\n{watchOutput}");
        return int.Parse(line.Split(": ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static async Task Until(Func<Task<bool>> condition, TimeSpan patience, string what, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: not within {patience}\n{diagnostics?.Invoke()}");
            }

            await Task.Delay(25);
        }
    }
}
