using System.Diagnostics;
using System.Globalization;
using OrleansSweep.Cluster;
using OrleansSweep.Cluster.Client;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Benchmarks.Engine;

/// <summary>
/// One cluster of the broker probe, as the cluster really runs: its own virtual host on the probe's broker, a
/// coordinator silo process, K worker silo processes of one cell at a time, and a client in the probe's process that
/// submits and polls the status as <c>sweep submit</c> / <c>sweep watch</c> do. Disposing stops all of it.
/// </summary>
internal sealed class BrokerCluster : IAsyncDisposable
{
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);
    private readonly BrokerNode node;
    private readonly List<BrokerSilo> workers = [];
    private BrokerSilo? coordinator;
    private SweepClusterClient? client;

    private BrokerCluster(BrokerNode node, string name)
    {
        this.node = node;
        Name = name;
    }

    public string Name { get; }

    public int Workers => workers.Count;

    /// <param name="node">The probe's broker.</param>
    /// <param name="silo">The silo executable.</param>
    /// <param name="name">The cluster's name: its virtual host, folder and silo-name prefix.</param>
    /// <param name="workerCount">Worker silo processes, each computing one cell at a time.</param>
    /// <param name="folder">Scratch folder: silo logs and the coordinator's data.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    public static async Task<BrokerCluster> StartAsync(
        BrokerNode node, string silo, string name, int workerCount, string folder, CancellationToken cancellationToken)
    {
        var cluster = new BrokerCluster(node, name);
        try
        {
            var virtualHost = await node.AddVirtualHostAsync(name, cancellationToken).ConfigureAwait(false);
            var logs = Directory.CreateDirectory(Path.Combine(folder, name)).FullName;
            string[] common = ["--broker", node.Uri, "--vhost", virtualHost, "--heartbeat", "1", "--stop-timeout", "5"];
            cluster.coordinator = BrokerSilo.Start(silo, $"{name}-coordinator", logs, ["--role", "coordinator", "--data", Path.Combine(logs, "data"), .. common]);
            for (var i = 1; i <= workerCount; i++)
            {
                cluster.workers.Add(BrokerSilo.Start(silo, $"{name}-worker-{i}", logs, ["--role", "worker", "--concurrency", "1", .. common]));
            }

            var options = new ClusterOptions { Transport = TransportKind.RabbitMq, BrokerUri = node.Uri, VirtualHost = virtualHost, NodeName = $"{name}-client" };
            cluster.client = await SweepClusterClient.ConnectAsync(options, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits until the coordinator answers and every worker has sent a heartbeat.</summary>
    public async Task WaitForWorkersAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        SweepStatus? last = null;
        while (clock.Elapsed < timeout)
        {
            EnsureAlive();
            last = await Client.StatusAsync(Guid.Empty, StatusTimeout, cancellationToken).ConfigureAwait(false) ?? last;
            if (last is not null && last.Silos.Count >= workers.Count)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }

        throw Failure($"{workers.Count} worker(s) not seen within {timeout.TotalSeconds} s (seen: {last?.Silos.Count.ToString(CultureInfo.InvariantCulture) ?? "no answer"})");
    }

    /// <summary>Submits <paramref name="sweep"/> and polls its status (at least every 1 s, near the end every
    /// <paramref name="poll"/>) until it completed.</summary>
    /// <exception cref="InvalidOperationException">The sweep failed, was cancelled, had failed cells, a silo died, or it
    /// took longer than <paramref name="timeout"/>.</exception>
    public async Task<BrokerSweepTiming> RunAsync(ValidatedSweep sweep, TimeSpan timeout, TimeSpan poll, CancellationToken cancellationToken)
    {
        var sweepId = SweepPlanner.SweepIdOf(sweep.Fingerprint);
        var (workerCpu, coordinatorCpu, brokerCpu, clientCpu) = CpuTimes();
        var machineCpu = BrokerReport.MachineCpu();
        var clock = Stopwatch.StartNew();
        await Client.SubmitAsync(new StartSweep(sweepId, sweep.CanonicalJson, "", FailFast: false), cancellationToken).ConfigureAwait(false);
        TimeSpan? durable = null;
        SweepStatus? last = null;
        while (clock.Elapsed < timeout)
        {
            EnsureAlive();
            var status = await Client.StatusAsync(sweepId, StatusTimeout, cancellationToken).ConfigureAwait(false);
            var now = clock.Elapsed;
            last = status ?? last;
            if (status is { Total: > 0 } && status.Done >= status.Total)
            {
                durable ??= now;
            }

            if (status is { State: "completed" })
            {
                if (status.Failed > 0)
                {
                    throw Failure($"sweep {sweep.Spec.Name}: {status.Failed} of {status.Total} cells failed");
                }

                var (workerAfter, coordinatorAfter, brokerAfter, clientAfter) = CpuTimes();
                return new BrokerSweepTiming(sweep.CellCount, durable ?? now, now, workerAfter - workerCpu, coordinatorAfter - coordinatorCpu,
                    brokerAfter - brokerCpu, clientAfter - clientCpu, status.CellsBySilo, BrokerReport.MachineCpu() - machineCpu);
            }

            if (status is { State: "failed" or "cancelled" })
            {
                throw Failure($"sweep {sweep.Spec.Name} ended {status.State}: {status.Reason}");
            }

            await Task.Delay(NextPoll(status, now, poll), cancellationToken).ConfigureAwait(false);
        }

        throw Failure($"sweep {sweep.Spec.Name} ({sweep.CellCount} cells) not completed within {timeout.TotalSeconds} s; last status: {last}");
    }

    public async ValueTask DisposeAsync()
    {
        if (client is not null)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }

        // Workers first (they hand back running cells), then the coordinator; all bounded, then killed.
        var silos = workers.Concat(coordinator is null ? [] : [coordinator]).ToList();
        silos.ForEach(s => s.RequestStop());
        var deadline = DateTime.UtcNow + StopTimeout;
        foreach (var silo in silos)
        {
            await silo.WaitOrKillAsync(deadline).ConfigureAwait(false);
            silo.Dispose();
        }
    }

    /// <summary>
    /// Every status query costs the coordinator a little CPU, so the probe polls less while much is left: an eighth
    /// of the time the remaining cells should take at the rate so far, between <paramref name="poll"/> (the end is
    /// seen within about one <paramref name="poll"/>) and 1 s.
    /// </summary>
    private static TimeSpan NextPoll(SweepStatus? status, TimeSpan elapsed, TimeSpan poll)
    {
        if (status is not { Done: > 0 } || status.Done >= status.Total)
        {
            return poll;
        }

        var remaining = elapsed.TotalSeconds / status.Done * (status.Total - status.Done);
        return TimeSpan.FromSeconds(Math.Clamp(remaining / 8, poll.TotalSeconds, 1.0));
    }

    private SweepClusterClient Client => client ?? throw new InvalidOperationException("the cluster is not started");

    private (TimeSpan Workers, TimeSpan Coordinator, TimeSpan? Broker, TimeSpan Client) CpuTimes()
    {
        using var self = Process.GetCurrentProcess();
        var workerCpu = workers.Aggregate(TimeSpan.Zero, (sum, w) => sum + w.CpuTime());
        return (workerCpu, coordinator?.CpuTime() ?? TimeSpan.Zero, node.CpuTime(), self.TotalProcessorTime);
    }

    private void EnsureAlive()
    {
        if (workers.Concat(coordinator is null ? [] : [coordinator]).FirstOrDefault(s => s.HasExited) is { } dead)
        {
            throw Failure($"silo {dead.Name} exited");
        }
    }

    private InvalidOperationException Failure(string what) =>
        new($"cluster {Name}: {what}{Environment.NewLine}{string.Join(Environment.NewLine, workers.Prepend(coordinator).OfType<BrokerSilo>().Select(s => s.Tail()))}");
}
