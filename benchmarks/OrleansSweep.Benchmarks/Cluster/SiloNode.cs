using System.Globalization;
using System.Net.Http.Json;

namespace OrleansSweep.Benchmarks.Cluster;

/// <summary>One <c>orleanssweep-silo</c> process of the probe's cluster, on loopback ports of its own.</summary>
internal sealed class SiloNode : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly ChildProcess process;

    private SiloNode(string name, int httpPort, ChildProcess process)
    {
        Name = name;
        HttpPort = httpPort;
        this.process = process;
    }

    public string Name { get; }

    public int HttpPort { get; }

    public ChildProcess Process => process;

    /// <summary>Starts a silo (<c>dotnet orleanssweep-silo.dll</c>) and waits until its health endpoint answers.</summary>
    public static async Task<SiloNode> StartAsync(string siloDll, string redis, string clusterId, string name, int concurrency)
    {
        var httpPort = ChildProcess.FreePort();
        // ORLEANSSWEEP_BENCH_OWN_SESSIONS=1: each silo in a session of its own (setsid execs, so the pid stays the
        // silo's). Linux's autogroup scheduler shares the CPU fairly between sessions, not threads: on a machine other
        // users load, silos in the probe's session share one session's slice however many there are, as if on one core.
        var ownSession = Environment.GetEnvironmentVariable("ORLEANSSWEEP_BENCH_OWN_SESSIONS") == "1";
        var process = ChildProcess.Start(ownSession ? "setsid" : "dotnet",
        [
            .. ownSession ? new[] { "dotnet" } : [],
            siloDll,
            "--redis", redis,
            "--cluster-id", clusterId,
            "--silo-port", ChildProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            "--gateway-port", ChildProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            "--dashboard-port", httpPort.ToString(CultureInfo.InvariantCulture),
            "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture),
            "--name", name,
            // Membership at Information: the kill -9 run reads when the survivor declared the victim dead.
            "--Logging:LogLevel:Orleans.Runtime.MembershipService=Information",
            .. Environment.GetEnvironmentVariable("ORLEANSSWEEP_BENCH_SILO_LOG") is { Length: > 0 } level
                ? new[] { $"--Logging:LogLevel:Orleans={level}", "--Logging:Console:FormatterName=simple", "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff " }
                : [],
        ]);
        var silo = new SiloNode(name, httpPort, process);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"silo {name} exited at start:\n{process.Output}");
            }

            try
            {
                if ((await Http.GetAsync(new Uri($"http://127.0.0.1:{httpPort}/health")).ConfigureAwait(false)).IsSuccessStatusCode)
                {
                    return silo;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        await silo.DisposeAsync().ConfigureAwait(false);
        throw new TimeoutException($"silo {name} not healthy within 90 s");
    }

    public async Task<SiloStats> StatsAsync() =>
        await Http.GetFromJsonAsync<SiloStats>(new Uri($"http://127.0.0.1:{HttpPort}/stats")).ConfigureAwait(false)
        ?? throw new InvalidOperationException("no stats");

    public ValueTask DisposeAsync() => process.DisposeAsync();
}

/// <summary>The body of a silo's <c>/stats</c> endpoint (silo/SiloExtensions.cs).</summary>
internal sealed record SiloStats(string Name, int Threads, int Busy, int Queued, long Computed)
{
    /// <summary>Cells this silo has accepted so far: computed, running or queued.</summary>
    public long Accepted => Computed + Busy + Queued;
}
