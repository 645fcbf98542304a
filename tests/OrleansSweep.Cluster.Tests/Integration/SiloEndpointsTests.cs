using System.Diagnostics;
using OrleansSweep.Cluster.Tests.Support;

namespace OrleansSweep.Cluster.Tests.Integration;

/// <summary>A silo's web endpoints: health, stats and the Orleans Dashboard, seen by a real headless Chromium.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloEndpointsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("silo-endpoints-").FullName;

    [Fact]
    public async Task The_dashboard_renders_in_headless_chromium_beside_health_and_stats()
    {
        const string chromium = "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), "chromium is not installed: run bash tests/run.sh (it installs Debian's chromium)");
        await using var cluster = await TestCluster.StartAsync(silos: 1);
        var silo = cluster.Silos[0];
        using var http = new HttpClient();

        var health = await http.GetStringAsync($"http://127.0.0.1:{silo.HttpPort}/health");
        var stats = await silo.StatsAsync();
        var screenshot = Path.Combine(folder, "dashboard.png");
        var dom = await RunChromiumAsync(chromium, $"--screenshot={screenshot}", "--window-size=1280,900", "--virtual-time-budget=8000",
            $"http://127.0.0.1:{silo.HttpPort}/dashboard/");
        var page = await RunChromiumAsync(chromium, "--dump-dom", "--virtual-time-budget=8000", $"http://127.0.0.1:{silo.HttpPort}/dashboard/");

        Assert.Equal("Healthy", health);
        Assert.Equal(("silo1", 1), (stats.Name, stats.Threads));
        Assert.True(File.Exists(screenshot), dom);
        Assert.True(new FileInfo(screenshot).Length > 10_000, $"a blank screenshot ({new FileInfo(screenshot).Length} bytes)");
        Assert.Contains("Orleans", page, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<string> RunChromiumAsync(string chromium, params string[] arguments)
    {
        var info = new ProcessStartInfo(chromium, ["--headless", "--no-sandbox", "--disable-gpu", $"--user-data-dir={Path.Combine(folder, "profile")}", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish: " + await stderr);
        }

        return await stdout + await stderr;
    }
}
