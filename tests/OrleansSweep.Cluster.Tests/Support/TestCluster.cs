namespace OrleansSweep.Cluster.Tests.Support;

/// <summary>Redis plus silo processes on loopback, with a fresh cluster id; everything stopped by pid at the end.</summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private TestCluster(RedisServer redis)
    {
        Redis = redis;
    }

    public RedisServer Redis { get; }

    /// <summary>Fresh per cluster: a silo reusing an id waits for stale membership rows to expire (98 s measured).</summary>
    /// <remarks>A restart after a whole-cluster crash takes a new one (<see cref="RenewClusterId"/>); stored state and
    /// reminders are keyed by the service id, which stays.</remarks>
    public string ClusterId { get; private set; } = NewClusterId();

    /// <summary>For a cold restart: the dead silos' membership rows stay under the old id.</summary>
    public void RenewClusterId() => ClusterId = NewClusterId();

    private static string NewClusterId() => "test-" + Guid.NewGuid().ToString("N")[..12];

    public List<SiloProcess> Silos { get; } = [];

    public string Address => "redis://" + Redis.Address;

    public static async Task<TestCluster> StartAsync(int silos, int concurrency = 1)
    {
        var cluster = new TestCluster(await RedisServer.StartAsync());
        try
        {
            // One after the other: the first silo creates the membership table, the rest join it.
            for (var i = 0; i < silos; i++)
            {
                await cluster.AddSiloAsync($"silo{i + 1}", concurrency);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    public async Task<SiloProcess> AddSiloAsync(string name, int concurrency = 1)
    {
        var silo = await SiloProcess.StartAsync(this, name, concurrency);
        Silos.Add(silo);
        return silo;
    }

    public SiloProcess Silo(string name) => Silos.Single(s => s.Name == name);

    /// <summary>Runs the sweep client against this cluster.</summary>
    public Task<SweepCli.Result> SweepAsync(params string[] arguments) =>
        SweepCli.RunAsync([.. arguments, "--cluster", Address, "--cluster-id", ClusterId, "--timeout", "30"]);

    /// <summary>
    /// Submits <paramref name="spec"/>, watches it to the end and writes its outputs into <paramref name="outputFolder"/>,
    /// asserting each step succeeded; returns what <c>watch</c> printed (per-silo counts included).
    /// </summary>
    public async Task<SweepCli.Result> SubmitWatchAndReadAsync(string spec, string outputFolder)
    {
        var submitted = await SweepAsync("submit", spec);
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var id = submitted.Output.Trim();
        var watched = await SweepAsync("watch", id);
        Assert.True(watched.ExitCode == 0, watched + Logs());
        var results = await SweepAsync("results", id, "--out", outputFolder);
        Assert.True(results.ExitCode == 0, results.ToString());
        return watched;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }

    public string Logs() => string.Join("\n", Silos.Select(s => $"--- {s.Name}:\n{s.Output}"));
}
