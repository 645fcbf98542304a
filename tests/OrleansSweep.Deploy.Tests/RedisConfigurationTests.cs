using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OrleansSweep.Deploy.Tests.Support;

namespace OrleansSweep.Deploy.Tests;

public sealed class RedisConfigurationTests
{
    private static readonly string[] Lines = [.. DeployFiles.Text("deploy/redis/redis.conf").Split('\n').Select(l => l.Trim())];

    [Fact]
    public void Persists_every_write_to_the_append_only_file_once_a_second()
    {
        Assert.Contains("appendonly yes", Lines);
        Assert.Contains("appendfsync everysec", Lines);
        Assert.Contains("maxmemory-policy noeviction", Lines);
    }

    [Fact]
    public void Listens_on_loopback_in_protected_mode_with_the_password_placeholder_commented()
    {
        Assert.Contains(Lines, l => l.StartsWith("bind 127.0.0.1", StringComparison.Ordinal));
        Assert.Contains("protected-mode yes", Lines);
        Assert.Contains(Lines, l => l.StartsWith("# requirepass ", StringComparison.Ordinal));
        Assert.DoesNotContain(Lines, l => l.StartsWith("requirepass", StringComparison.Ordinal));
    }

    [Fact]
    public void The_installed_redis_server_accepts_it()
    {
        // The shipped file, with only the port, folder and log changed, must start and answer PING with AOF on.
        var folder = Directory.CreateTempSubdirectory("deploy-redis-");
        var port = FreePort();
        using var redis = Process.Start(new ProcessStartInfo(Tools.Require("redis-server"))
        {
            ArgumentList = { DeployFiles.PathOf("deploy/redis/redis.conf"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", folder.FullName, "--logfile", Path.Combine(folder.FullName, "redis.log"), "--daemonize", "no" },
            UseShellExecute = false,
        })!;
        try
        {
            var reply = "";
            for (var attempt = 0; attempt < 50 && !reply.StartsWith("*2", StringComparison.Ordinal); attempt++)
            {
                Thread.Sleep(100);
                reply = Ask(port, "CONFIG GET appendonly\r\n");
            }

            Assert.True(reply.Contains("appendonly", StringComparison.Ordinal) && reply.Contains("yes", StringComparison.Ordinal),
                $"redis-server did not start with deploy/redis/redis.conf: {reply}\n{ReadLog(folder)}");
        }
        finally
        {
            Ask(port, "SHUTDOWN NOSAVE\r\n");
            if (!redis.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                redis.Kill();
            }

            folder.Delete(recursive: true);
        }
    }

    private static string ReadLog(DirectoryInfo folder) =>
        File.Exists(Path.Combine(folder.FullName, "redis.log")) ? File.ReadAllText(Path.Combine(folder.FullName, "redis.log")) : "";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Ask(int port, string command)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            client.ReceiveTimeout = 2000;
            var stream = client.GetStream();
            stream.Write(Encoding.ASCII.GetBytes(command));
            var buffer = new byte[512];
            var read = stream.Read(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read);
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return "";
        }
    }
}
