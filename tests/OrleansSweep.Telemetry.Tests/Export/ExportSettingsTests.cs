using OpenTelemetry.Exporter;
using OrleansSweep.Telemetry.Export;

namespace OrleansSweep.Telemetry.Tests.Export;

public sealed class ExportSettingsTests
{
    [Fact]
    public void Export_is_off_without_an_endpoint()
    {
        var settings = Read("client");

        Assert.False(settings.IsEnabled);
        Assert.Null(settings.TracesEndpoint);
        Assert.Null(settings.MetricsEndpoint);
        Assert.Empty(settings.Problems);
    }

    [Theory]
    [InlineData("http://collector:4318", "http://collector:4318/v1/traces", "http://collector:4318/v1/metrics")]
    [InlineData("http://collector:4318/", "http://collector:4318/v1/traces", "http://collector:4318/v1/metrics")]
    [InlineData("https://otel.example.org/otlp", "https://otel.example.org/otlp/v1/traces", "https://otel.example.org/otlp/v1/metrics")]
    public void An_http_base_endpoint_gets_each_signals_path(string endpoint, string traces, string metrics)
    {
        var settings = Read("worker", ("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));

        Assert.Equal((OtlpExportProtocol.HttpProtobuf, new Uri(traces)), (settings.TracesProtocol, settings.TracesEndpoint));
        Assert.Equal((OtlpExportProtocol.HttpProtobuf, new Uri(metrics)), (settings.MetricsProtocol, settings.MetricsEndpoint));
    }

    [Fact]
    public void Grpc_is_the_default_and_takes_the_endpoint_as_given_like_a_per_signal_endpoint()
    {
        var settings = Read("worker",
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"),
            ("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://metrics:9000/custom"),
            ("OTEL_EXPORTER_OTLP_METRICS_PROTOCOL", "http/protobuf"));

        Assert.Equal((OtlpExportProtocol.Grpc, new Uri("http://collector:4317")), (settings.TracesProtocol, settings.TracesEndpoint));
        Assert.Equal((OtlpExportProtocol.HttpProtobuf, new Uri("http://metrics:9000/custom")), (settings.MetricsProtocol, settings.MetricsEndpoint));
    }

    [Theory]
    [InlineData(null, null, "orleanssweep-worker")]
    [InlineData(null, "service.name=from-resource,team=x", "from-resource")]
    [InlineData("explicit", "service.name=from-resource", "explicit")]
    public void The_service_is_named_after_the_role_unless_configured(string? serviceName, string? resource, string expected)
    {
        var settings = Read("worker", ("OTEL_SERVICE_NAME", serviceName), ("OTEL_RESOURCE_ATTRIBUTES", resource));

        Assert.Equal(expected, settings.ServiceName);
        Assert.Equal("worker", settings.ServiceRole);
    }

    [Fact]
    public void Resource_attributes_are_percent_decoded_and_malformed_pairs_reported()
    {
        var settings = Read("client", ("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=lab%20one, cluster=a=b ,broken"));

        Assert.Equal([new("deployment.environment", "lab one"), new("cluster", "a=b")], settings.ResourceAttributes);
        Assert.Contains(settings.Problems, p => p.Contains("'broken'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_batch_queue_is_sized_for_large_sweeps_unless_overridden()
    {
        var defaults = Read("coordinator", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"));
        var overridden = Read("coordinator", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"),
            ("OTEL_BSP_MAX_QUEUE_SIZE", "1000"), ("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "4000"), ("OTEL_BSP_SCHEDULE_DELAY", "250"));

        Assert.Equal((65_536, 2_048, 1_000), (defaults.MaxQueueSize, defaults.MaxExportBatchSize, defaults.ScheduledDelayMilliseconds));
        Assert.Equal((1_000, 1_000, 250), (overridden.MaxQueueSize, overridden.MaxExportBatchSize, overridden.ScheduledDelayMilliseconds));
        Assert.Single(overridden.Problems); // the batch was larger than the queue
    }

    [Theory]
    [InlineData("traceidratio", "0.25", "traceidratio", 0.25, false)]
    [InlineData("parentbased_traceidratio", "1.5", "parentbased_traceidratio", 1.0, true)]
    [InlineData("ALWAYS_OFF", null, "always_off", 1.0, false)]
    [InlineData("jaeger_remote", null, ExportSettings.DefaultSampler, 1.0, true)]
    public void The_sampler_follows_OTEL_TRACES_SAMPLER(string sampler, string? argument, string expected, double ratio, bool reported)
    {
        var settings = Read("client", ("OTEL_TRACES_SAMPLER", sampler), ("OTEL_TRACES_SAMPLER_ARG", argument));

        Assert.Equal((expected, ratio), (settings.Sampler, settings.SamplerRatio));
        Assert.Equal(reported, settings.Problems.Count > 0);
    }

    [Theory]
    [InlineData("OTEL_SDK_DISABLED", "true", false, false)]
    [InlineData("OTEL_TRACES_EXPORTER", "none", false, true)]
    [InlineData("OTEL_METRICS_EXPORTER", "none", true, false)]
    [InlineData("OTEL_TRACES_EXPORTER", "otlp", true, true)]
    public void Signals_can_be_switched_off(string variable, string value, bool traces, bool metrics)
    {
        var settings = Read("silo", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"), (variable, value));

        Assert.Equal((traces, metrics), (settings.TracesEndpoint is not null, settings.MetricsEndpoint is not null));
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317")]
    [InlineData("OTEL_METRIC_EXPORT_INTERVAL", "soon")]
    [InlineData("OTEL_TRACES_EXPORTER", "zipkin")]
    public void Bad_values_are_reported_never_thrown(string variable, string value)
    {
        var settings = Read("client", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318"), (variable, value));

        Assert.Contains(settings.Problems, p => p.StartsWith(variable, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Worker")]
    [InlineData("silo 1")]
    public void A_role_is_a_short_lowercase_name(string role) =>
        Assert.Throws<ArgumentException>(() => Read(role));

    private static ExportSettings Read(string role, params (string Name, string? Value)[] variables) =>
        ExportSettings.Read(role, name => variables.LastOrDefault(v => v.Name == name).Value);
}
