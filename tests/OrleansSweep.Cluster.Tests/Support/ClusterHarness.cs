using System.Globalization;
using OrleansSweep.Cluster.Client;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Storage;

namespace OrleansSweep.Cluster.Tests.Support;

/// <summary>
/// One test's cluster on the shared broker: its own virtual host and scratch folder, silos as child processes, and a
/// client. Disposing kills whatever still runs.
/// </summary>
internal sealed class ClusterHarness : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly List<SiloProcess> silos = [];
    private SweepClusterClient? client;

    private ClusterHarness(RabbitMqBroker broker, string virtualHost, string folder)
    {
        Broker = broker;
        VirtualHost = virtualHost;
        Folder = folder;
    }

    public RabbitMqBroker Broker { get; }

    public string VirtualHost { get; }

    public string Folder { get; }

    public string DataFolder => Path.Combine(Folder, "data");

    /// <summary>Environment variables of every silo started from now on (e.g. OTEL_*).</summary>
    public Dictionary<string, string> SiloEnvironment { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>sweep</c> command's cluster options for this test.</summary>
    public string[] ClusterArguments => ["--cluster", Broker.Uri, "--vhost", VirtualHost];

    public static async Task<ClusterHarness> StartAsync(RabbitMqBroker broker, string name) =>
        new(broker, await broker.CreateVirtualHostAsync(name), Directory.CreateTempSubdirectory($"orleanssweep-{name}-").FullName);

    public SiloProcess StartCoordinator(string name = "coordinator") =>
        Start(name, "coordinator", "--data", DataFolder);

    public SiloProcess StartWorker(string name, int concurrency = 1, double stopTimeoutSeconds = 5) =>
        Start(name, "worker", "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture),
            "--stop-timeout", stopTimeoutSeconds.ToString(CultureInfo.InvariantCulture));

    public async Task<SweepClusterClient> ClientAsync() =>
        client ??= await SweepClusterClient.ConnectAsync(
            new ClusterOptions { Transport = TransportKind.RabbitMq, BrokerUri = Broker.Uri, VirtualHost = VirtualHost, NodeName = "test-client" },
            TimeSpan.FromSeconds(30), CancellationToken.None);

    /// <summary>Polls the coordinator until <paramref name="condition"/> holds; fails with the silos' logs after <paramref name="timeout"/>.</summary>
    public async Task<SweepStatus> WaitForAsync(Guid sweepId, Func<SweepStatus, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        SweepStatus? last = null;
        while (DateTime.UtcNow < deadline)
        {
            // A status request can fail while the broker restarts: that is one more poll, not a failure.
            var status = await TryStatusAsync(sweepId);
            last = status ?? last;
            if (status is not null && condition(status))
            {
                return status;
            }

            await Task.Delay(Poll);
        }

        Assert.Fail($"not {what} within {timeout.TotalSeconds} s; last status: {last}{Environment.NewLine}{Logs()}");
        return last!;
    }

    /// <param name="sweepId">The sweep.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="startedAfter">Ignore a run that started before this moment (a resubmission not yet taken).</param>
    public async Task<SweepStatus> WaitForCompletionAsync(Guid sweepId, TimeSpan timeout, DateTime? startedAfter = null)
    {
        var status = await WaitForAsync(sweepId, s => s.State is not ("running" or "unknown") && s.StartedUtc >= (startedAfter ?? DateTime.MinValue),
            timeout, "finished");
        Assert.True(status.State == "completed", $"the sweep ended {status.State}: {status.Reason}{Environment.NewLine}{Logs()}");
        return status;
    }

    /// <summary>Submits a spec through the client library (the CLI path is covered by its own test).</summary>
    public async Task<Guid> SubmitAsync(string specJson, bool failFast = false)
    {
        var sweep = TestSpecs.Parse(specJson);
        var sweepId = OrleansSweep.Sweeps.Coordination.SweepPlanner.SweepIdOf(sweep.Fingerprint);
        await (await ClientAsync()).SubmitAsync(new StartSweep(sweepId, sweep.CanonicalJson, "", failFast), CancellationToken.None);
        return sweepId;
    }

    /// <summary>What the coordinator's store holds for the sweep (read while the coordinator runs: SQLite WAL allows it).</summary>
    public IReadOnlyList<CellAnalyzed> StoredResults(Guid sweepId)
    {
        using var store = SweepStore.Open(Path.Combine(DataFolder, "sweeps.db"));
        return store.Results(sweepId);
    }

    public string Logs() => string.Join(Environment.NewLine, silos.Select(s => s.Tail()));

    public async ValueTask DisposeAsync()
    {
        if (client is not null)
        {
            await client.DisposeAsync();
        }

        silos.ForEach(s => s.Dispose());
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A silo's file handle may linger for a moment after the kill; the temp folder is cleaned by the OS.
        }
    }

    private async Task<SweepStatus?> TryStatusAsync(Guid sweepId)
    {
        try
        {
            return await (await ClientAsync()).StatusAsync(sweepId, TimeSpan.FromSeconds(5), CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return null;
        }
    }

    private SiloProcess Start(string name, string role, params string[] arguments)
    {
        var silo = SiloProcess.Start(name, Folder,
            ["--role", role, "--broker", Broker.Uri, "--vhost", VirtualHost, "--heartbeat", "0.5", .. arguments], SiloEnvironment);
        silos.Add(silo);
        return silo;
    }
}
