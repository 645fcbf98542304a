using System.Net;
using System.Net.Sockets;

namespace OrleansSweep.Cluster.Tests.Support;

/// <summary>
/// A private RabbitMQ node on 127.0.0.1 for the integration tests: its own scratch folder and free ports, started and
/// stopped with <c>deploy/rabbitmq/broker.sh</c> (the same logic as <c>deploy/local-cluster.sh</c>).
/// </summary>
/// <remarks>Needs Debian's <c>rabbitmq-server</c>; when it is missing the fixture fails and says how to install it.</remarks>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);

    public string Folder { get; } = Directory.CreateTempSubdirectory("orleanssweep-broker-").FullName;

    public int Port { get; } = FreePortPair();

    public string Uri => $"rabbitmq://127.0.0.1:{Port}/";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Server))
        {
            throw new InvalidOperationException(
                "rabbitmq-server is not installed, and the cluster tests need a real RabbitMQ on 127.0.0.1. " +
                "Fix: run `bash tests/run.sh` (it installs Debian's rabbitmq-server), or `sudo apt-get install rabbitmq-server`.");
        }

        await StartAsync();
    }

    public Task StartAsync() => ScriptAsync("start", Folder, Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task StopAsync() => ScriptAsync("stop", Folder);

    /// <summary>A fresh virtual host, so each test has its own queues.</summary>
    public async Task<string> CreateVirtualHostAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 9, 64)];
        await ScriptAsync("ctl", Folder, "add_vhost", name);
        await ScriptAsync("ctl", Folder, "set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return name;
    }

    /// <summary>Messages ready plus unacknowledged in a queue of <paramref name="virtualHost"/> (0 when it does not exist).</summary>
    public async Task<long> QueueDepthAsync(string virtualHost, string queue)
    {
        var listing = await ScriptAsync("ctl", Folder, "list_queues", "-p", virtualHost, "name", "messages_ready", "messages_unacknowledged");
        return listing.Split('\n')
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length == 3 && fields[0] == queue)
            .Select(fields => long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture))
            .SingleOrDefault();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(Folder, recursive: true);
    }

    private static async Task<string> ScriptAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("bash", [RepositoryFiles.BrokerScript, .. arguments], ScriptTimeout);
        return result.ExitCode == 0
            ? result.Output
            : throw new InvalidOperationException($"broker.sh {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Error}{result.Output}");
    }

    /// <summary>A free loopback port whose Erlang distribution port (port + 20000) is free too.</summary>
    private static int FreePortPair()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = FreePort();
            if (port + 20000 <= 65535 && IsFree(port + 20000))
            {
                return port;
            }
        }

        throw new InvalidOperationException("no free pair of loopback ports (p, p + 20000) for a test broker");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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

/// <summary>The tests that share one broker; they run one after another (one broker restart must not hit another test).</summary>
[CollectionDefinition(Name)]
public sealed class BrokerCollection : ICollectionFixture<RabbitMqBroker>
{
    public const string Name = "RabbitMQ broker";
}
