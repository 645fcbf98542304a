using System.CommandLine;
using OrleansSweep.Cluster;
using OrleansSweep.Cluster.Client;

namespace OrleansSweep.Client;

/// <summary>The options every cluster command takes (<c>--cluster --user --password --vhost --timeout</c>) and the connection they make.</summary>
internal sealed class ClusterArguments
{
    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "the cluster's RabbitMQ broker, e.g. rabbitmq://127.0.0.1:5672/ (default: $ORLEANSSWEEP_CLUSTER)",
    };

    public Option<string?> User { get; } = new("--user") { Description = "broker user (default: the one in --cluster, else guest)" };

    public Option<string?> Password { get; } = new("--password") { Description = "broker password (default: $ORLEANSSWEEP_PASSWORD, else guest)" };

    public Option<string?> VirtualHost { get; } = new("--vhost") { Description = "broker virtual host (default: the one in --cluster, else /)" };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "seconds to wait for the broker and for the coordinator's answers (default 10)",
        DefaultValueFactory = _ => 10,
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Cluster);
        command.Options.Add(User);
        command.Options.Add(Password);
        command.Options.Add(VirtualHost);
        command.Options.Add(Timeout);
    }

    /// <summary>
    /// Resolves the options, connects, runs <paramref name="body"/> and disconnects; prints a clear error and returns
    /// a non-zero exit code when the cluster cannot be reached.
    /// </summary>
    public async Task<int> RunAsync(ParseResult parse, Func<SweepClusterClient, TimeSpan, Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(body);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(Timeout), 0.5, 3600));
        if (Resolve(parse, Console.Error) is not { } options)
        {
            return ExitCodes.InvalidInput;
        }

        SweepClusterClient client;
        try
        {
            client = await SweepClusterClient.ConnectAsync(options, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterUnreachableException exception)
        {
            Console.Error.WriteLine($"--cluster: {exception.Message}.");
            Console.Error.WriteLine($"  fix: {exception.Fix}");
            return ExitCodes.Unreachable;
        }

        await using (client.ConfigureAwait(false))
        {
            try
            {
                return await body(client, timeout).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Console.Error.WriteLine("interrupted (the sweep itself goes on in the cluster).");
                return ExitCodes.Interrupted;
            }
        }
    }

    /// <summary>Parses a sweep id argument; prints what is wrong and returns null when it is not one.</summary>
    public static Guid? SweepId(string? text, TextWriter error)
    {
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        error.WriteLine($"id: '{text}' is not a sweep id. Fix: use the id that sweep submit printed (a GUID like 3f2a5c1e-…).");
        return null;
    }

    /// <summary>A message for a coordinator that did not answer.</summary>
    public static int NoCoordinator(SweepClusterClient client, TimeSpan timeout)
    {
        Console.Error.WriteLine($"--cluster: no coordinator answered within {timeout.TotalSeconds:0} s on {client.Broker}.");
        Console.Error.WriteLine("  fix: start one (orleanssweep-silo --role coordinator --broker URI, or bash deploy/local-cluster.sh start), or raise --timeout");
        return ExitCodes.Unreachable;
    }

    private ClusterOptions? Resolve(ParseResult parse, TextWriter error)
    {
        var address = parse.GetValue(Cluster) ?? Environment.GetEnvironmentVariable("ORLEANSSWEEP_CLUSTER");
        if (string.IsNullOrWhiteSpace(address))
        {
            error.WriteLine("--cluster: missing. Fix: pass the cluster's broker, e.g. --cluster rabbitmq://127.0.0.1:5672/ (or set ORLEANSSWEEP_CLUSTER).");
            return null;
        }

        if (!BrokerAddress.TryParse(address, out _, out var problem))
        {
            error.WriteLine($"--cluster '{address}' {problem}.");
            return null;
        }

        return new ClusterOptions
        {
            Transport = TransportKind.RabbitMq,
            BrokerUri = address,
            Username = parse.GetValue(User) ?? "",
            Password = parse.GetValue(Password) ?? Environment.GetEnvironmentVariable("ORLEANSSWEEP_PASSWORD") ?? "",
            VirtualHost = parse.GetValue(VirtualHost) ?? "",
            NodeName = $"sweep-{Environment.MachineName}-{Environment.ProcessId}",
        };
    }
}
