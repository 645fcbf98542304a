using System.Globalization;
using System.Net.Http.Json;

namespace OrleansSweep.Cluster.Tests.Support;

/// <summary>A real silo process of a test cluster, on loopback ports of its own.</summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly OwnedProcess process;

    private SiloProcess(string name, int httpPort, OwnedProcess process)
    {
        Name = name;
        HttpPort = httpPort;
        this.process = process;
    }

    public string Name { get; }

    public int HttpPort { get; }

    public string Output => process.Output;

    public bool HasExited => process.HasExited;

    /// <summary>Starts a silo and waits (bounded) until its health endpoint says it is an active member.</summary>
    public static async Task<SiloProcess> StartAsync(TestCluster cluster, string name, int concurrency = 1)
    {
        var httpPort = FreePort.Next();
        var process = OwnedProcess.Start("dotnet",
        [
            Repository.SiloDll,
            "--redis", cluster.Redis.Address,
            "--cluster-id", cluster.ClusterId,
            "--silo-port", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--gateway-port", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--dashboard-port", httpPort.ToString(CultureInfo.InvariantCulture),
            "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture),
            "--name", name,
        ]);
        var silo = new SiloProcess(name, httpPort, process);
        await silo.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        return silo;
    }

    public async Task<SiloStats> StatsAsync() =>
        await Http.GetFromJsonAsync<SiloStats>($"http://127.0.0.1:{HttpPort}/stats") ?? throw new InvalidOperationException("no stats");

    public Task KillAsync() => process.KillAsync();

    public ValueTask DisposeAsync() => process.DisposeAsync();

    private async Task WaitUntilHealthyAsync(TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"silo {Name} exited at start:\n{process.Output}");
            }

            try
            {
                if ((await Http.GetAsync($"http://127.0.0.1:{HttpPort}/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"silo {Name} not healthy within {patience}:\n{process.Output}");
    }
}

/// <summary>What a silo's /stats endpoint says about its cell executor.</summary>
internal sealed record SiloStats(string Name, int Threads, int Busy, int Queued, long Computed, double IdleSeconds);
