using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansSweep.Grains.Client;
using OrleansSweep.Hosting;

namespace OrleansSweep.Client.Cluster;

/// <summary>The options every cluster command takes (<c>--cluster --cluster-id --service-id --timeout</c>) and the connection they make.</summary>
internal sealed class ClusterArguments
{
    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "the cluster's Redis, e.g. redis://127.0.0.1:6379 (default: $ORLEANSSWEEP_CLUSTER)",
    };

    public Option<string> ClusterId { get; } = new("--cluster-id")
    {
        Description = "the cluster id the silos use (default: $ORLEANSSWEEP_CLUSTER_ID, else orleanssweep)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ORLEANSSWEEP_CLUSTER_ID") is { Length: > 0 } id ? id : "orleanssweep",
    };

    public Option<string> ServiceId { get; } = new("--service-id") { Description = "the service id the silos use", DefaultValueFactory = _ => "orleanssweep" };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "seconds to wait for the cluster and for each answer (default 10)",
        DefaultValueFactory = _ => 10,
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Cluster);
        command.Options.Add(ClusterId);
        command.Options.Add(ServiceId);
        command.Options.Add(Timeout);
    }

    /// <summary>
    /// Connects a cluster client, runs <paramref name="body"/> and disconnects; prints a clear error and returns a
    /// non-zero exit code when the cluster cannot be reached within the timeout.
    /// </summary>
    public async Task<int> RunAsync(ParseResult parse, Func<SweepClient, TimeSpan, Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(body);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(Timeout), 0.5, 3600));
        var address = parse.GetValue(Cluster) ?? Environment.GetEnvironmentVariable("ORLEANSSWEEP_CLUSTER");
        if (string.IsNullOrWhiteSpace(address))
        {
            Console.Error.WriteLine("error: no cluster given: pass --cluster redis://HOST:PORT or set ORLEANSSWEEP_CLUSTER");
            return ExitCodes.InvalidInput;
        }

        if (RedisAddress.Parse(address, out var problem) is not { } redis)
        {
            Console.Error.WriteLine($"error: --cluster: {problem}");
            return ExitCodes.InvalidInput;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Critical);
        builder.AddSweepTelemetry("client");
        builder.UseOrleansClient(client => client.UseSweepCluster(redis, parse.GetValue(ClusterId)!, parse.GetValue(ServiceId)!));
        using var host = builder.Build();
        try
        {
            using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connect.CancelAfter(timeout);
            await host.StartAsync(connect.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine($"error: cannot reach the cluster at {address} (cluster id {parse.GetValue(ClusterId)}) within {timeout.TotalSeconds:0.#} s: " +
                $"{exception.GetBaseException().Message}. Is Redis running there, and is a silo of this cluster up?");
            return ExitCodes.Unreachable;
        }

        try
        {
            return await body(new SweepClient(host.Services.GetRequiredService<IGrainFactory>()), timeout).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            Console.Error.WriteLine($"error: the cluster did not answer within {timeout.TotalSeconds:0.#} s ({exception.Message}); try again");
            return ExitCodes.Unreachable;
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await host.StopAsync(stop.Token).ConfigureAwait(false);
        }
    }
}
