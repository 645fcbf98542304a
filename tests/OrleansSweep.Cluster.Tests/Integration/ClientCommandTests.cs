using System.Net;
using System.Net.Sockets;
using OrleansSweep.Cluster.Tests.Support;

namespace OrleansSweep.Cluster.Tests.Integration;

/// <summary>The cluster commands' errors, through the built <c>sweep</c> command (no broker needed).</summary>
public sealed class ClientCommandTests
{
    [Fact]
    public async Task An_unreachable_broker_names_cluster_and_the_fix_with_exit_code_3()
    {
        var closed = ClosedPort();

        var result = await ProcessRunner.SweepAsync("status", Guid.NewGuid().ToString(), "--cluster", $"rabbitmq://127.0.0.1:{closed}/", "--timeout", "3");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("--cluster", result.Error, StringComparison.Ordinal);
        Assert.Contains("fix:", result.Error, StringComparison.Ordinal);
        Assert.Contains("local-cluster.sh", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_cluster_or_a_bad_id_is_invalid_input()
    {
        var noCluster = await ProcessRunner.SweepAsync("status", Guid.NewGuid().ToString());
        var badId = await ProcessRunner.SweepAsync("status", "not-an-id", "--cluster", "rabbitmq://127.0.0.1:1/");

        Assert.Equal((2, 2), (noCluster.ExitCode, badId.ExitCode));
        Assert.Contains("--cluster: missing", noCluster.Error, StringComparison.Ordinal);
        Assert.Contains("not a sweep id", badId.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_cluster_command_has_help()
    {
        foreach (var command in new[] { "submit", "status", "watch", "cancel", "results" })
        {
            var result = await ProcessRunner.SweepAsync(command, "--help");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("--cluster", result.Output, StringComparison.Ordinal);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again once the listener is disposed
    }
}
