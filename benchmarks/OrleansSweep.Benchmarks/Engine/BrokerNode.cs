using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrleansSweep.Benchmarks.Engine;

/// <summary>
/// A private RabbitMQ node on 127.0.0.1 for the broker probe: its own scratch folder and a free port, started and
/// stopped with <c>deploy/rabbitmq/broker.sh</c> as the cluster tests and <c>deploy/local-cluster.sh</c> do.
/// </summary>
/// <remarks>
/// Every script call is bounded (<see cref="ScriptTimeout"/>; the script itself waits at most 60 s for the node).
/// <see cref="DisposeAsync"/> stops the node whenever a start was attempted, even a failed or timed-out one. A node
/// outlives a probe killed with SIGKILL: stop it with <c>bash deploy/rabbitmq/broker.sh stop FOLDER</c>.
/// </remarks>
internal sealed class BrokerNode : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);
    private readonly string script;

    private BrokerNode(string script, string folder, int port)
    {
        this.script = script;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    public string Uri => $"rabbitmq://127.0.0.1:{Port}/";

    /// <summary>Starts a node in <paramref name="folder"/> and returns once it accepts AMQP connections.</summary>
    public static async Task<BrokerNode> StartAsync(string script, string folder, CancellationToken cancellationToken)
    {
        var node = new BrokerNode(script, folder, FreePortPair());
        try
        {
            await node.RunAsync(cancellationToken, "start", folder, node.Port.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            return node;
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A fresh virtual host for one cluster of the probe (its own queues), open to the guest user.</summary>
    public async Task<string> AddVirtualHostAsync(string name, CancellationToken cancellationToken)
    {
        await RunAsync(cancellationToken, "ctl", Folder, "add_vhost", name).ConfigureAwait(false);
        await RunAsync(cancellationToken, "ctl", Folder, "set_permissions", "-p", name, "guest", ".*", ".*", ".*").ConfigureAwait(false);
        return name;
    }

    /// <summary>CPU time of the node's Erlang VM so far; null when it cannot be read (its pid file is written once it booted).</summary>
    public TimeSpan? CpuTime()
    {
        try
        {
            var pid = int.Parse(File.ReadAllText(Path.Combine(Folder, "rabbitmq.pid")).Trim(), CultureInfo.InvariantCulture);
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception exception) when (exception is IOException or FormatException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!File.Exists(Path.Combine(Folder, "port")))
        {
            return; // the script never got as far as starting a node
        }

        try
        {
            await RunAsync(CancellationToken.None, "stop", Folder).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            Console.Error.WriteLine($"# broker probe: stopping the broker in {Folder} failed ({exception.Message}); stop it with: bash {script} stop {Folder}");
        }
    }

    private async Task<string> RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[script, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"broker.sh {string.Join(' ', arguments)} did not finish within {ScriptTimeout.TotalSeconds} s");
        }

        var text = await output.ConfigureAwait(false);
        return process.ExitCode == 0
            ? text
            : throw new InvalidOperationException($"broker.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error.ConfigureAwait(false)}{text}");
    }

    /// <summary>A free loopback port whose Erlang distribution port (port + 20000, see broker.sh) is free too.</summary>
    private static int FreePortPair()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            if (port + 20000 <= 65535 && IsFree(port + 20000))
            {
                return port;
            }
        }

        throw new InvalidOperationException("no free pair of loopback ports (p, p + 20000) for the probe's broker");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
