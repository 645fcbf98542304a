using OrleansSweep.Cluster.Tests.Support;

namespace OrleansSweep.Cluster.Tests.Integration;

/// <summary>Two real silo processes over a real Redis, driven by the real client.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterSweepTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cluster-sweep-").FullName;

    [Fact]
    public async Task Two_silos_write_the_embedded_phase_map_and_share_the_cells_evenly()
    {
        // Cells of a few hundred milliseconds: the split then measures each silo's compute, not the messaging overhead of
        // the silo that also hosts the sweep grain and answers the client.
        var spec = ClusterSpecs.Write(folder, "even", cells: 64, n: 64, averagingTime: 500);
        await using var cluster = await TestCluster.StartAsync(silos: 2);

        var watched = await cluster.SubmitWatchAndReadAsync(spec, Path.Combine(folder, "cluster"));
        var embedded = await SweepCli.RunAsync(["run", spec, "--out", Path.Combine(folder, "embedded")]);
        Assert.True(embedded.ExitCode == 0, embedded.ToString());

        var clusterMap = PhaseMapTable.Read(Path.Combine(folder, "cluster", "phase_map.parquet"));
        var embeddedMap = PhaseMapTable.Read(Path.Combine(folder, "embedded", "phase_map.parquet"));
        Assert.Equal(64, clusterMap.Rows.Count);
        Assert.Equal(embeddedMap.Comparable(), clusterMap.Comparable());
        foreach (var silo in cluster.Silos)
        {
            // Pulled by free threads: each silo within 10% of half the cells.
            Assert.Contains($"silo {silo.Name}: ", watched.Output, StringComparison.Ordinal);
            var count = int.Parse(watched.Output.Split('\n').Single(l => l.Contains($"silo {silo.Name}: ", StringComparison.Ordinal)).Split(": ")[1].Split(' ')[0],
                System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(count is >= 29 and <= 35, $"silo {silo.Name} computed {count} of 64 cells (29–35 expected):\n{watched.Output}");
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
