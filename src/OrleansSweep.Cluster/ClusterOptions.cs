namespace OrleansSweep.Cluster;

/// <summary>Which MassTransit transport carries the messages.</summary>
public enum TransportKind
{
    /// <summary>One process: the embedded default of <c>sweep run</c>.</summary>
    InMemory,

    /// <summary>Many processes on many machines through a RabbitMQ broker.</summary>
    RabbitMq,
}

/// <summary>What a silo process does.</summary>
[Flags]
public enum SiloRoles
{
    /// <summary>Runs cell workers ("grains"): one per cell in flight.</summary>
    Worker = 1,

    /// <summary>Collects results into the durable store and writes the phase maps.</summary>
    Coordinator = 2,

    All = Worker | Coordinator,
}

/// <summary>Cluster settings, bound from appsettings, environment (<c>OrleansSweep__Cluster__…</c>) and command line.</summary>
/// <remarks>
/// One coordinator per virtual host: two would split the results between two stores. Any number of workers.
/// </remarks>
public sealed class ClusterOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "OrleansSweep:Cluster";

    public TransportKind Transport { get; set; } = TransportKind.InMemory;

    /// <summary>What a silo process runs (<c>--role worker|coordinator|all</c>).</summary>
    public SiloRoles Role { get; set; } = SiloRoles.All;

    /// <summary>
    /// Broker address: <c>rabbitmq://host:port/</c>, <c>amqp://user:password@host:port/vhost</c> or <c>host[:port]</c>
    /// (see <see cref="BrokerAddress"/>). Loopback by default.
    /// </summary>
    public string BrokerUri { get; set; } = "rabbitmq://127.0.0.1:5672/";

    /// <summary>Virtual host; when empty, the one in <see cref="BrokerUri"/>, else "/".</summary>
    public string VirtualHost { get; set; } = "";

    /// <summary>User name; when empty, the one in <see cref="BrokerUri"/>, else "guest" (loopback only).</summary>
    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>Cells computed at once by this silo; default: one per core.</summary>
    public int Concurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>Messages fetched ahead; ≈ concurrency so that no silo hoards the tail of a sweep.</summary>
    public int Prefetch { get; set; }

    /// <summary>This silo's name in results and progress (machine + process id by default).</summary>
    public string NodeName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>The coordinator's folder: its durable store (<c>sweeps.db</c>) and one output folder per sweep id.</summary>
    public string DataFolder { get; set; } = "orleanssweep-data";

    /// <summary>
    /// On shutdown, running cells get this long to finish; then they are cancelled and their commands handed back
    /// to the broker (not acknowledged), so another silo computes them.
    /// </summary>
    public double StopTimeoutSeconds { get; set; } = 30;

    /// <summary>Seconds between a worker's heartbeats (the coordinator's running-cell counts are this fresh).</summary>
    public double HeartbeatSeconds { get; set; } = 2;

    internal int EffectivePrefetch => Prefetch > 0 ? Prefetch : Math.Max(1, Concurrency);

    internal BrokerAddress Broker => BrokerAddress.Parse(BrokerUri).With(VirtualHost, Username, Password);

    /// <summary>Every problem with these settings, phrased with the setting's name and a fix; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Transport == TransportKind.RabbitMq && !BrokerAddress.TryParse(BrokerUri, out _, out var brokerError))
        {
            errors.Add($"BrokerUri '{BrokerUri}': {brokerError}");
        }

        if (Role == 0 || (Role & ~SiloRoles.All) != 0)
        {
            errors.Add($"Role '{Role}': use worker, coordinator or all.");
        }

        if (Concurrency < 1)
        {
            errors.Add($"Concurrency {Concurrency}: must be at least 1 (cells computed at once).");
        }

        if (Prefetch < 0)
        {
            errors.Add($"Prefetch {Prefetch}: must be ≥ 0 (0 = same as concurrency).");
        }

        if (StopTimeoutSeconds is <= 0 or > 86_400 || HeartbeatSeconds is < 0.1 or > 3600)
        {
            errors.Add("StopTimeoutSeconds must be in (0, 86400] and HeartbeatSeconds in [0.1, 3600].");
        }

        if (Role.HasFlag(SiloRoles.Coordinator) && string.IsNullOrWhiteSpace(DataFolder))
        {
            errors.Add("DataFolder: a coordinator needs a folder for its durable store and outputs (--data DIR).");
        }

        return errors;
    }
}
