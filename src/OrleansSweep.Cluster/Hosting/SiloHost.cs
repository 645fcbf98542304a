using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansSweep.Cluster.Hosting;

/// <summary>
/// The silo process's host: settings from the usual .NET layers (appsettings.json next to the executable,
/// <c>OrleansSweep__Cluster__…</c> environment variables, command line), validated before anything starts.
/// </summary>
/// <remarks>The one place where a silo's host is composed: add cross-cutting concerns (telemetry) next to it.</remarks>
public static class SiloHost
{
    private const string Section = ClusterOptions.SectionName;

    /// <summary>Short command-line switches for the common settings; any setting also works as <c>--OrleansSweep:Cluster:Name=value</c>.</summary>
    public static IReadOnlyDictionary<string, string> Switches => SwitchMap;

    private static readonly Dictionary<string, string> SwitchMap = new(StringComparer.Ordinal)
    {
        ["--role"] = $"{Section}:Role",
        ["--broker"] = $"{Section}:BrokerUri",
        ["--user"] = $"{Section}:Username",
        ["--password"] = $"{Section}:Password",
        ["--vhost"] = $"{Section}:VirtualHost",
        ["--concurrency"] = $"{Section}:Concurrency",
        ["--prefetch"] = $"{Section}:Prefetch",
        ["--data"] = $"{Section}:DataFolder",
        ["--name"] = $"{Section}:NodeName",
        ["--stop-timeout"] = $"{Section}:StopTimeoutSeconds",
        ["--heartbeat"] = $"{Section}:HeartbeatSeconds",
    };

    public const string Usage = """
        orleanssweep-silo: a silo of an OrleansSweep cluster (cell workers and/or the coordinator) over RabbitMQ.

        usage: orleanssweep-silo [--role worker|coordinator|all] [--broker URI] [--user U] [--password P] [--vhost V]
                                 [--concurrency N] [--prefetch N] [--data DIR] [--name NAME] [--stop-timeout S] [--heartbeat S]

          --role          worker: computes cells; coordinator: records results, writes outputs, answers clients;
                          all (default): both. Exactly one coordinator per virtual host.
          --broker        rabbitmq://host:port/ (default rabbitmq://127.0.0.1:5672/)
          --user, --password, --vhost   broker login (default guest/guest, "/"; guest works from loopback only)
          --concurrency   cells computed at once (default: one per core); --prefetch: commands fetched ahead (default = concurrency)
          --data          coordinator folder: sweeps.db (durable store) and <sweep id>/ outputs (default ./orleanssweep-data)
          --name          this silo's name in results and status (default machine-pid)
          --stop-timeout  seconds running cells get to finish on shutdown before they are handed back (default 30)

        Every setting can also come from appsettings.json or environment variables OrleansSweep__Cluster__<Setting>.
        """;

    /// <summary>Builder settings: the content root is the executable's folder, so its appsettings.json is found from anywhere.</summary>
    public static HostApplicationBuilderSettings Settings(string[] args) => new() { Args = args, ContentRootPath = AppContext.BaseDirectory };

    /// <summary>
    /// The telemetry role of the silo that <see cref="AddSweepSilo"/> configured: "worker", "coordinator", or "silo"
    /// when it plays both (the service name is <c>orleanssweep-&lt;role&gt;</c>). Call after <see cref="AddSweepSilo"/>.
    /// </summary>
    public static string TelemetryRole(this HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new ClusterOptions();
        builder.Configuration.GetSection(Section).Bind(options);
        return options.Role switch
        {
            SiloRoles.Worker => "worker",
            SiloRoles.Coordinator => "coordinator",
            _ => "silo",
        };
    }

    /// <summary>
    /// Reads and validates the settings and adds the silo. Returns null to go on, or the exit code to stop with:
    /// 0 after <c>--help</c>, 2 after printing what is wrong with the settings.
    /// </summary>
    public static int? AddSweepSilo(this HostApplicationBuilder builder, string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            output.WriteLine(Usage);
            return 0;
        }

        var options = new ClusterOptions { Transport = TransportKind.RabbitMq };
        try
        {
            builder.Configuration.AddCommandLine(args, SwitchMap);
            builder.Configuration.GetSection(Section).Bind(options);
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException)
        {
            errors.WriteLine($"orleanssweep-silo: invalid setting: {exception.Message}{Environment.NewLine}Run orleanssweep-silo --help for the settings.");
            return 2;
        }

        var problems = options.Validate();
        if (problems.Count > 0)
        {
            errors.WriteLine("orleanssweep-silo: invalid settings (from appsettings.json, OrleansSweep__Cluster__* variables or switches):");
            foreach (var problem in problems)
            {
                errors.WriteLine($"  {problem}");
            }

            return 2;
        }

        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Services.AddSweepSilo(options);
        output.WriteLine(
            $"orleanssweep-silo {options.NodeName}: role {options.Role}, broker {options.Broker}, concurrency {options.Concurrency}, prefetch {options.EffectivePrefetch}" +
            (options.Role.HasFlag(SiloRoles.Coordinator) ? $", data {Path.GetFullPath(options.DataFolder)}" : ""));
        return null;
    }
}
