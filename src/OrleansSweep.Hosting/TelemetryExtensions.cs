using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Hosting;

/// <summary>
/// OpenTelemetry on the standard hosting stack: OrleansSweep's and Orleans' sources and meters, exported over OTLP as
/// the standard <c>OTEL_*</c> variables say; nothing is registered (no listener, no cost) when no endpoint is set.
/// </summary>
/// <remarks>
/// <para>The SDK reads everything else itself from the host's configuration: <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>
/// (grpc by default; <c>http/protobuf</c>), headers, timeouts, per-signal endpoints, <c>OTEL_TRACES_SAMPLER</c> and
/// <c>OTEL_TRACES_SAMPLER_ARG</c> (checked: OpenTelemetry 1.21 resolves them, parent-based always-on by default),
/// <c>OTEL_RESOURCE_ATTRIBUTES</c>, <c>OTEL_BSP_*</c>, <c>OTEL_METRIC_EXPORT_INTERVAL</c> and
/// <c>OTEL_SDK_DISABLED</c>.</para>
/// <para>Why a builder extension and not one on <see cref="IServiceCollection"/>: the SDK reads those variables
/// through the host's <see cref="IConfiguration"/>, and the client's hosts are built with
/// <c>DisableDefaults</c>, whose configuration has no environment variables — the exporter then silently sent to
/// localhost:4317. The <c>OTEL_*</c> variables are therefore added to the configuration here.</para>
/// <para>The provider is disposed with the host's service provider, which flushes what is queued: start spans that
/// should be exported after the host has started, and let the host be disposed at exit.</para>
/// </remarks>
public static class TelemetryExtensions
{
    /// <summary>Orleans' activity sources: grain calls (application and system), lifecycle, grain storage.</summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Lifecycle", "Microsoft.Orleans.Storage"];

    /// <summary>Orleans' meter (messaging, catalog, directory, storage, requests).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The resource attribute naming the process's role (embedded, client, silo).</summary>
    public const string RoleAttribute = "orleanssweep.role";

    /// <summary>Metrics every 15 s unless <c>OTEL_METRIC_EXPORT_INTERVAL</c> says otherwise (the SDK's 60 s is slow for a sweep watched live).</summary>
    public const int DefaultMetricExportIntervalMilliseconds = 15_000;

    private const string Prefix = "OTEL_";

    /// <summary>
    /// Adds tracing and metrics for a process of <paramref name="role"/>; the service is <c>orleanssweep-ROLE</c>
    /// unless <c>OTEL_SERVICE_NAME</c> (or <c>service.name</c> in <c>OTEL_RESOURCE_ATTRIBUTES</c>) says otherwise.
    /// </summary>
    /// <returns>The builder, with telemetry registered only when <see cref="IsExportConfigured"/>.</returns>
    public static TBuilder AddSweepTelemetry<TBuilder>(this TBuilder builder, string role)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        AddOtelEnvironment(builder.Configuration);
        var configuration = builder.Configuration;
        if (!IsExportConfigured(configuration))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(ServiceName(configuration, role), serviceNamespace: "orleanssweep",
                    serviceVersion: typeof(SweepTelemetry).Assembly.GetName().Version?.ToString(3))
                .AddAttributes([new(RoleAttribute, role), new("host.name", Environment.MachineName)]))
            .WithTracing(tracing => tracing.AddSource(SweepTelemetry.SourceName).AddSource(OrleansSources))
            .WithMetrics(metrics => metrics.AddMeter(SweepTelemetry.MeterName, OrleansMeter))
            .UseOtlpExporter();
        if (string.IsNullOrWhiteSpace(configuration["OTEL_METRIC_EXPORT_INTERVAL"]))
        {
            builder.Services.Configure<MetricReaderOptions>(o =>
                o.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = DefaultMetricExportIntervalMilliseconds);
        }

        return builder;
    }

    /// <summary>True when an OTLP endpoint is set for traces or metrics (and the SDK is not disabled).</summary>
    public static bool IsExportConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.Equals(configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase)
            && new[] { "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT" }
                .Any(name => !string.IsNullOrWhiteSpace(configuration[name]));
    }

    /// <summary><c>OTEL_SERVICE_NAME</c>, else <c>service.name</c> of <c>OTEL_RESOURCE_ATTRIBUTES</c>, else <c>orleanssweep-ROLE</c>.</summary>
    /// <remarks>Resolved here because an explicit service set in code would otherwise override both (the spec says they win).</remarks>
    public static string ServiceName(IConfiguration configuration, string role)
    {
        if (configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name))
        {
            return name.Trim();
        }

        var fromAttributes = (configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
            .LastOrDefault(pair => pair is ["service.name", { Length: > 0 }]);
        return fromAttributes is [_, var value] ? Uri.UnescapeDataString(value) : "orleanssweep-" + role;
    }

    /// <summary>
    /// Makes this process's <c>OTEL_*</c> variables visible in <paramref name="configuration"/> under their own names
    /// (as the SDK looks them up), except those it already holds: a host whose defaults read the environment (the
    /// silo's) keeps its own order of sources.
    /// </summary>
    private static void AddOtelEnvironment(IConfigurationManager configuration)
    {
        var variables = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Where(e => e.Key is string name && name.StartsWith(Prefix, StringComparison.Ordinal) && configuration[name] is null)
            .Select(e => new KeyValuePair<string, string?>((string)e.Key, e.Value as string))
            .ToList();
        if (variables.Count > 0)
        {
            configuration.AddInMemoryCollection(variables);
        }
    }
}
