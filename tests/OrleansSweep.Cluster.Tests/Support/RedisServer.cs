using System.Net.Sockets;

namespace OrleansSweep.Cluster.Tests.Support;

/// <summary>
/// A private Debian redis-server on 127.0.0.1 and a free port, with its own folder and an append-only file (fsync on
/// every write), so a stop and restart keeps every key, as a production Redis with AOF does.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("orleanssweep-redis-").FullName;
    private OwnedProcess? process;

    public int Port { get; } = FreePort.Next();

    public string Address => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer();
        await server.RestartAsync();
        return server;
    }

    public async Task RestartAsync()
    {
        const string binary = "/usr/bin/redis-server";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException("redis-server is not installed: run bash tests/run.sh (it installs Debian's redis-server)");
        }

        process = OwnedProcess.Start(binary,
            ["--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", folder,
             "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--protected-mode", "yes"]);
        await WaitUntilAcceptingAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Stops Redis hard (SIGKILL): the append-only file keeps what was acknowledged.</summary>
    public async Task KillAsync()
    {
        if (process is not null)
        {
            await process.KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder
        }
    }

    private async Task WaitUntilAcceptingAsync(TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
