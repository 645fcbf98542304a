using OpenTelemetry.Exporter;

namespace OrleansSweep.Telemetry.Export;

/// <summary>
/// What <see cref="TelemetryExport"/> builds, read from the standard OpenTelemetry environment variables
/// (<see cref="Read"/> lists them). Export is off unless an OTLP endpoint is set.
/// </summary>
/// <remarks>
/// <para>Queue sizing: a cell produces 1 + R·(1 + analyses) spans plus the transport's 2–4, so a 10,000-cell sweep
/// with 4 realisations and 3 analyses is ~200,000 spans. The span queue defaults to <see cref="DefaultMaxQueueSize"/>
/// (65,536 spans ≈ 64–130 MB at worst) drained every second in batches of 2,048: with a reachable collector the queue
/// stays near empty even at thousands of cells per second; with the collector down it holds the last ~minute of a busy
/// 2-core silo before dropping the newest spans (never blocking the science). <c>OTEL_BSP_*</c> override all of it.</para>
/// <para>Headers, timeouts, compression and certificates (<c>OTEL_EXPORTER_OTLP_HEADERS</c>, <c>…_TIMEOUT</c>,
/// <c>…_COMPRESSION</c>, <c>…_CERTIFICATE</c>) are read by the OTLP exporter itself.</para>
/// </remarks>
public sealed record ExportSettings
{
    /// <summary>Span queue of the batch processor (see the remarks for the sizing).</summary>
    public const int DefaultMaxQueueSize = 65_536;

    public const int DefaultMaxExportBatchSize = 2_048;
    public const int DefaultScheduledDelayMilliseconds = 1_000;
    public const int DefaultExporterTimeoutMilliseconds = 30_000;

    /// <summary>Metrics every 15 s (the spec's default is 60 s; sweeps are watched live on dashboards).</summary>
    public const int DefaultMetricExportIntervalMilliseconds = 15_000;

    public const string DefaultSampler = "parentbased_always_on";

    /// <summary>The process's role (client, embedded, coordinator, worker, silo, …): the default service name's suffix.</summary>
    public required string ServiceRole { get; init; }

    /// <summary><c>OTEL_SERVICE_NAME</c>, else <c>service.name</c> of <c>OTEL_RESOURCE_ATTRIBUTES</c>, else <c>orleanssweep-&lt;role&gt;</c>.</summary>
    public required string ServiceName { get; init; }

    /// <summary>Full URL spans are exported to (with <c>/v1/traces</c> for HTTP); null = no trace export.</summary>
    public Uri? TracesEndpoint { get; init; }

    public OtlpExportProtocol TracesProtocol { get; init; } = OtlpExportProtocol.Grpc;

    /// <summary>Full URL metrics are exported to (with <c>/v1/metrics</c> for HTTP); null = no metric export.</summary>
    public Uri? MetricsEndpoint { get; init; }

    public OtlpExportProtocol MetricsProtocol { get; init; } = OtlpExportProtocol.Grpc;

    /// <summary>Extra resource attributes from <c>OTEL_RESOURCE_ATTRIBUTES</c>, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> ResourceAttributes { get; init; } = [];

    /// <summary>Sampler name as in <c>OTEL_TRACES_SAMPLER</c> (always_on, always_off, traceidratio, parentbased_*).</summary>
    public string Sampler { get; init; } = DefaultSampler;

    /// <summary>Ratio of the traceidratio samplers, in [0, 1] (<c>OTEL_TRACES_SAMPLER_ARG</c>).</summary>
    public double SamplerRatio { get; init; } = 1.0;

    public int MaxQueueSize { get; init; } = DefaultMaxQueueSize;

    public int MaxExportBatchSize { get; init; } = DefaultMaxExportBatchSize;

    public int ScheduledDelayMilliseconds { get; init; } = DefaultScheduledDelayMilliseconds;

    public int ExporterTimeoutMilliseconds { get; init; } = DefaultExporterTimeoutMilliseconds;

    public int MetricExportIntervalMilliseconds { get; init; } = DefaultMetricExportIntervalMilliseconds;

    /// <summary>How long disposing the export may take to flush what is queued (a down collector must not hang the exit).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Settings that were ignored, each phrased with the variable and what was used instead.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public bool IsEnabled => TracesEndpoint is not null || MetricsEndpoint is not null;

    /// <summary>Reads this process's environment.</summary>
    public static ExportSettings FromEnvironment(string serviceRole) => Read(serviceRole, Environment.GetEnvironmentVariable);

    /// <summary>
    /// Reads <c>OTEL_SDK_DISABLED</c>, <c>OTEL_TRACES_EXPORTER</c>/<c>OTEL_METRICS_EXPORTER</c> (otlp|none),
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (base URL; the signal path is appended for HTTP) or the per-signal
    /// <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>/<c>…_METRICS_ENDPOINT</c> (used as given),
    /// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> (grpc — the .NET default — or http/protobuf; per-signal variants too),
    /// <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>, <c>OTEL_TRACES_SAMPLER</c>(+<c>_ARG</c>),
    /// <c>OTEL_BSP_MAX_QUEUE_SIZE</c>, <c>OTEL_BSP_MAX_EXPORT_BATCH_SIZE</c>, <c>OTEL_BSP_SCHEDULE_DELAY</c>,
    /// <c>OTEL_BSP_EXPORT_TIMEOUT</c> and <c>OTEL_METRIC_EXPORT_INTERVAL</c>. Bad values are reported in
    /// <see cref="Problems"/> and replaced by the defaults; they never stop the process.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="serviceRole"/> is not a short lowercase name.</exception>
    public static ExportSettings Read(string serviceRole, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (string.IsNullOrEmpty(serviceRole) || !serviceRole.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            throw new ArgumentException($"Service role '{serviceRole}' must be lowercase letters, digits and '-'.", nameof(serviceRole));
        }

        return new SettingsReader(variable).Read(serviceRole);
    }
}
