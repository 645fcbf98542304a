using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OrleansSweep.Telemetry.Export;

/// <summary>
/// Builds this process's OpenTelemetry providers: OrleansSweep's and MassTransit's spans and metrics, exported over
/// OTLP as the <c>OTEL_*</c> variables say (see <see cref="ExportSettings.Read"/>). Off when no endpoint is set.
/// </summary>
/// <remarks>
/// Call once per process, at start, and dispose the handle at exit (it flushes): a host wraps its run in
/// <c>using var telemetry = TelemetryExport.Start("worker");</c>. Roles name the service
/// (<c>orleanssweep-&lt;role&gt;</c>) unless <c>OTEL_SERVICE_NAME</c> is set.
/// </remarks>
public static class TelemetryExport
{
    /// <summary>Starts exporting as <paramref name="serviceRole"/> with this process's environment.</summary>
    public static TelemetryExportHandle Start(string serviceRole) => Start(ExportSettings.FromEnvironment(serviceRole));

    /// <summary>Starts exporting with explicit settings (tests, or hosts that read their own configuration).</summary>
    public static TelemetryExportHandle Start(ExportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        TracerProvider? tracer = null;
        MeterProvider? meter = null;
        if (settings.TracesEndpoint is { } traces)
        {
            tracer = Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(Resource(settings))
                .AddSource(SweepTelemetry.SourceName, SweepTelemetry.MassTransitName)
                .SetSampler(Sampler(settings))
                .AddOtlpExporter(otlp =>
                {
                    otlp.Endpoint = traces;
                    otlp.Protocol = settings.TracesProtocol;
                    otlp.ExportProcessorType = ExportProcessorType.Batch;
                    otlp.BatchExportProcessorOptions = new BatchExportProcessorOptions<Activity>
                    {
                        MaxQueueSize = settings.MaxQueueSize,
                        MaxExportBatchSize = settings.MaxExportBatchSize,
                        ScheduledDelayMilliseconds = settings.ScheduledDelayMilliseconds,
                        ExporterTimeoutMilliseconds = settings.ExporterTimeoutMilliseconds,
                    };
                })
                .Build();
        }

        if (settings.MetricsEndpoint is { } metrics)
        {
            meter = Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(Resource(settings))
                .AddMeter(SweepTelemetry.MeterName, SweepTelemetry.MassTransitName)
                .AddOtlpExporter((otlp, reader) =>
                {
                    otlp.Endpoint = metrics;
                    otlp.Protocol = settings.MetricsProtocol;
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = settings.MetricExportIntervalMilliseconds;
                })
                .Build();
        }

        return new TelemetryExportHandle(settings, tracer, meter);
    }

    /// <summary>
    /// service.* from the settings, the role, the SDK's own attributes, then <c>OTEL_RESOURCE_ATTRIBUTES</c> — except
    /// that service.name stays the resolved one (OTEL_SERVICE_NAME wins, as the spec says).
    /// </summary>
    private static ResourceBuilder Resource(ExportSettings settings) => ResourceBuilder.CreateEmpty()
        .AddTelemetrySdk()
        .AddAttributes(settings.ResourceAttributes.Where(a => a.Key != "service.name"))
        .AddService(
            settings.ServiceName,
            serviceNamespace: "orleanssweep",
            serviceVersion: typeof(SweepTelemetry).Assembly.GetName().Version?.ToString(3),
            autoGenerateServiceInstanceId: false,
            serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}")
        .AddAttributes([new("orleanssweep.role", settings.ServiceRole), new("host.name", Environment.MachineName)]);

    private static Sampler Sampler(ExportSettings settings) => settings.Sampler switch
    {
        "always_on" => new AlwaysOnSampler(),
        "always_off" => new AlwaysOffSampler(),
        "traceidratio" => new TraceIdRatioBasedSampler(settings.SamplerRatio),
        "parentbased_always_off" => new ParentBasedSampler(new AlwaysOffSampler()),
        "parentbased_traceidratio" => new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.SamplerRatio)),
        _ => new ParentBasedSampler(new AlwaysOnSampler()),
    };
}
