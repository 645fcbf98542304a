using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Hosting;

/// <summary>
/// OpenTelemetry on the standard hosting stack: OrleansSweep's and Orleans' sources and meters, exported over OTLP as
/// the standard <c>OTEL_*</c> variables say; nothing is exported when no endpoint is set.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Orleans' activity sources (grain calls, lifecycle, storage) and its meter.</summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.Orleans.Lifecycle", "Microsoft.Orleans.Storage"];

    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Adds tracing and metrics; the service is <c>orleanssweep-ROLE</c> unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public static IServiceCollection AddSweepTelemetry(this IServiceCollection services, string role)
    {
        if (!IsExportConfigured())
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") ?? "orleanssweep-" + role,
                serviceNamespace: "orleanssweep",
                serviceVersion: typeof(SweepTelemetry).Assembly.GetName().Version?.ToString(3)))
            .WithTracing(tracing => tracing.AddSource(SweepTelemetry.SourceName).AddSource(OrleansSources))
            .WithMetrics(metrics => metrics.AddMeter(SweepTelemetry.MeterName, OrleansMeter))
            .UseOtlpExporter();
        return services;
    }

    /// <summary>True when an OTLP endpoint is set for traces or metrics.</summary>
    public static bool IsExportConfigured() =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"))
        || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))
        || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"));
}
