using System.Globalization;
using System.Net.Sockets;

namespace OrleansSweep.Benchmarks.Cluster;

/// <summary>A private Debian redis-server on 127.0.0.1 and a free port, in a scratch folder, for the cluster probe.</summary>
internal sealed class RedisNode : IAsyncDisposable
{
    private const string Binary = "/usr/bin/redis-server";
    private readonly string folder = Directory.CreateTempSubdirectory("orleanssweep-bench-redis-").FullName;
    private readonly ChildProcess process;

    private RedisNode(int port)
    {
        Port = port;
        // Append-only with fsync every second: Redis as deployed (deploy/), not the tests' fsync-always worst case.
        process = ChildProcess.Start(Binary,
            ["--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--dir", folder,
             "--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--protected-mode", "yes"]);
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public static bool Installed => File.Exists(Binary);

    public static async Task<RedisNode> StartAsync()
    {
        var node = new RedisNode(ChildProcess.FreePort());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", node.Port).ConfigureAwait(false);
                return node;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a scratch folder
        }
    }
}
