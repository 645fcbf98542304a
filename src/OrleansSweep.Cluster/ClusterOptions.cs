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
public sealed class ClusterOptions
{
    public TransportKind Transport { get; set; } = TransportKind.InMemory;

    /// <summary>Broker address; loopback by default. Credentials and virtual host are separate settings.</summary>
    public Uri BrokerUri { get; set; } = new("rabbitmq://127.0.0.1:5672/");

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    /// <summary>Cells computed at once by this silo; default: one per core.</summary>
    public int Concurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>Messages fetched ahead; ≈ concurrency so that no silo hoards the tail of a sweep.</summary>
    public int Prefetch { get; set; }

    /// <summary>This silo's name in results and progress (machine + process id by default).</summary>
    public string NodeName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    internal int EffectivePrefetch => Prefetch > 0 ? Prefetch : Math.Max(1, Concurrency);
}
