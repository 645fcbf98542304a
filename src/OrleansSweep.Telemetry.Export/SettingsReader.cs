using System.Globalization;
using OpenTelemetry.Exporter;

namespace OrleansSweep.Telemetry.Export;

/// <summary>Parses the OTEL_* variables into <see cref="ExportSettings"/>, collecting problems instead of throwing.</summary>
internal sealed class SettingsReader(Func<string, string?> variable)
{
    private static readonly HashSet<string> Samplers = new(StringComparer.Ordinal)
    {
        "always_on", "always_off", "traceidratio", "parentbased_always_on", "parentbased_always_off", "parentbased_traceidratio",
    };

    private readonly List<string> problems = [];

    public ExportSettings Read(string role)
    {
        var resource = ResourceAttributes();
        var serviceName = Value("OTEL_SERVICE_NAME")
            ?? resource.Where(a => a.Key == "service.name").Select(a => a.Value as string).LastOrDefault()
            ?? $"orleanssweep-{role}";
        var disabled = string.Equals(Value("OTEL_SDK_DISABLED"), "true", StringComparison.OrdinalIgnoreCase);
        var tracesProtocol = Protocol("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL");
        var metricsProtocol = Protocol("OTEL_EXPORTER_OTLP_METRICS_PROTOCOL");
        var queue = Integer("OTEL_BSP_MAX_QUEUE_SIZE", ExportSettings.DefaultMaxQueueSize, 1);
        var batch = Integer("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", ExportSettings.DefaultMaxExportBatchSize, 1);
        if (batch > queue)
        {
            problems.Add($"OTEL_BSP_MAX_EXPORT_BATCH_SIZE {batch} exceeds the queue ({queue}); using {queue}.");
            batch = queue;
        }

        var (sampler, ratio) = Sampler();
        return new ExportSettings
        {
            ServiceRole = role,
            ServiceName = serviceName,
            TracesEndpoint = disabled || !Exporter("OTEL_TRACES_EXPORTER") ? null : Endpoint("TRACES", "v1/traces", tracesProtocol),
            TracesProtocol = tracesProtocol,
            MetricsEndpoint = disabled || !Exporter("OTEL_METRICS_EXPORTER") ? null : Endpoint("METRICS", "v1/metrics", metricsProtocol),
            MetricsProtocol = metricsProtocol,
            ResourceAttributes = resource,
            Sampler = sampler,
            SamplerRatio = ratio,
            MaxQueueSize = queue,
            MaxExportBatchSize = batch,
            ScheduledDelayMilliseconds = Integer("OTEL_BSP_SCHEDULE_DELAY", ExportSettings.DefaultScheduledDelayMilliseconds, 1),
            ExporterTimeoutMilliseconds = Integer("OTEL_BSP_EXPORT_TIMEOUT", ExportSettings.DefaultExporterTimeoutMilliseconds, 1),
            MetricExportIntervalMilliseconds = Integer("OTEL_METRIC_EXPORT_INTERVAL", ExportSettings.DefaultMetricExportIntervalMilliseconds, 100),
            Problems = problems,
        };
    }

    private string? Value(string name) => variable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>otlp (or unset) exports; none turns the signal off; other exporters do not exist here.</summary>
    private bool Exporter(string name)
    {
        switch (Value(name)?.ToLowerInvariant())
        {
            case null or "otlp":
                return true;
            case "none":
                return false;
            case var other:
                problems.Add($"{name}={other}: only otlp (or none) is available; using otlp.");
                return true;
        }
    }

    /// <summary>The per-signal protocol, else the general one, else gRPC (the .NET exporter's default).</summary>
    private OtlpExportProtocol Protocol(string signalVariable)
    {
        var name = Value(signalVariable) is not null ? signalVariable : "OTEL_EXPORTER_OTLP_PROTOCOL";
        switch (Value(name)?.ToLowerInvariant())
        {
            case null or "grpc":
                return OtlpExportProtocol.Grpc;
            case "http/protobuf":
                return OtlpExportProtocol.HttpProtobuf;
            case var other:
                problems.Add($"{name}={other}: use grpc or http/protobuf (http/json is not supported); using http/protobuf.");
                return OtlpExportProtocol.HttpProtobuf;
        }
    }

    /// <summary>
    /// The per-signal endpoint as given, else the base endpoint — with the signal's path appended for HTTP, as the
    /// spec says (the exporter does not append it to an endpoint set in code).
    /// </summary>
    private Uri? Endpoint(string signal, string path, OtlpExportProtocol protocol)
    {
        var signalName = $"OTEL_EXPORTER_OTLP_{signal}_ENDPOINT";
        var name = Value(signalName) is not null ? signalName : "OTEL_EXPORTER_OTLP_ENDPOINT";
        if (Value(name) is not { } text)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problems.Add($"{name}={text}: not an http(s) URL; {signal.ToLowerInvariant()} are not exported.");
            return null;
        }

        return name == signalName || protocol == OtlpExportProtocol.Grpc ? uri : new Uri(text.TrimEnd('/') + "/" + path);
    }

    private int Integer(string name, int fallback, int minimum)
    {
        if (Value(name) is not { } text)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        problems.Add($"{name}={text}: expected an integer ≥ {minimum}; using {fallback}.");
        return fallback;
    }

    private (string Sampler, double Ratio) Sampler()
    {
        var sampler = Value("OTEL_TRACES_SAMPLER")?.ToLowerInvariant() ?? ExportSettings.DefaultSampler;
        if (!Samplers.Contains(sampler))
        {
            problems.Add($"OTEL_TRACES_SAMPLER={sampler}: use one of {string.Join(", ", Samplers)}; using {ExportSettings.DefaultSampler}.");
            sampler = ExportSettings.DefaultSampler;
        }

        var ratio = 1.0;
        if (Value("OTEL_TRACES_SAMPLER_ARG") is { } text && sampler.EndsWith("traceidratio", StringComparison.Ordinal))
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 0 and <= 1)
            {
                ratio = parsed;
            }
            else
            {
                problems.Add($"OTEL_TRACES_SAMPLER_ARG={text}: expected a ratio in [0, 1]; using 1.");
            }
        }

        return (sampler, ratio);
    }

    /// <summary><c>key=value,key=value</c> with percent-encoded values (W3C baggage form).</summary>
    private List<KeyValuePair<string, object>> ResourceAttributes()
    {
        var attributes = new List<KeyValuePair<string, object>>();
        if (Value("OTEL_RESOURCE_ATTRIBUTES") is not { } text)
        {
            return attributes;
        }

        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add($"OTEL_RESOURCE_ATTRIBUTES: '{pair}' is not key=value; ignored.");
                continue;
            }

            attributes.Add(new(pair[..equals].Trim(), Uri.UnescapeDataString(pair[(equals + 1)..].Trim())));
        }

        return attributes;
    }
}
