using System.Diagnostics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OrleansSweep.Telemetry.Export;

/// <summary>The running export of one process; disposing flushes what is queued (bounded) and stops it.</summary>
public sealed class TelemetryExportHandle : IDisposable
{
    private readonly TracerProvider? tracer;
    private readonly MeterProvider? meter;
    private int disposed;

    internal TelemetryExportHandle(ExportSettings settings, TracerProvider? tracer, MeterProvider? meter)
    {
        Settings = settings;
        this.tracer = tracer;
        this.meter = meter;
    }

    public ExportSettings Settings { get; }

    /// <summary>False when no endpoint was set: nothing is exported and the handle does nothing.</summary>
    public bool IsEnabled => tracer is not null || meter is not null;

    /// <summary>One line for a host's startup log, e.g. "traces http/protobuf http://…/v1/traces, metrics …, service orleanssweep-worker".</summary>
    public string Description => !IsEnabled
        ? "telemetry export off (no OTEL_EXPORTER_OTLP_ENDPOINT)"
        : string.Join(", ",
            new[]
            {
                tracer is null ? null : $"traces {Name(Settings.TracesProtocol)} {Settings.TracesEndpoint}",
                meter is null ? null : $"metrics {Name(Settings.MetricsProtocol)} {Settings.MetricsEndpoint}",
                $"service {Settings.ServiceName}",
            }.Where(part => part is not null));

    /// <summary>Exports what is queued now; false when <paramref name="timeout"/> passed first.</summary>
    public bool ForceFlush(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var traced = tracer?.ForceFlush(Remaining(timeout, clock)) ?? true;
        var measured = meter?.ForceFlush(Remaining(timeout, clock)) ?? true;
        return traced && measured;
    }

    /// <summary>Flushes within <see cref="ExportSettings.ShutdownTimeout"/>, then shuts the providers down.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1 || !IsEnabled)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var timeout = Settings.ShutdownTimeout;
        ForceFlush(timeout);
        tracer?.Shutdown(Remaining(timeout, clock));
        meter?.Shutdown(Remaining(timeout, clock));
        tracer?.Dispose();
        meter?.Dispose();
    }

    private static int Remaining(TimeSpan timeout, Stopwatch clock) =>
        (int)Math.Clamp((timeout - clock.Elapsed).TotalMilliseconds, 0, int.MaxValue);

    private static string Name(OtlpExportProtocol protocol) => protocol == OtlpExportProtocol.Grpc ? "grpc" : "http/protobuf";
}
