using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OrleansSweep.Hosting;
using OrleansSweep.Telemetry.Tests.Support;
using static OrleansSweep.Telemetry.SweepTelemetry;

namespace OrleansSweep.Telemetry.Tests.Hosting;

/// <summary><see cref="TelemetryExtensions.AddSweepTelemetry"/> on a host built like the client's (no defaults).</summary>
public sealed class TelemetryExtensionsTests
{
    [Fact]
    public async Task Without_an_endpoint_nothing_is_registered_and_nobody_listens()
    {
        using var host = Build(new Dictionary<string, string?>());
        await host.StartAsync();

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
        Assert.False(Source.HasListeners());
        await host.StopAsync();
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("always_off", null, false)]
    [InlineData("traceidratio", "0", false)]
    [InlineData("traceidratio", "1", true)]
    [InlineData("parentbased_always_off", null, false)]
    public async Task The_sampler_follows_OTEL_TRACES_SAMPLER_and_its_argument(string? sampler, string? argument, bool recorded)
    {
        await using var collector = new OtlpReceiver();
        using var host = Build(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_TRACES_SAMPLER"] = sampler,
            ["OTEL_TRACES_SAMPLER_ARG"] = argument,
        });
        await host.StartAsync();

        using (var span = StartSweep(Guid.NewGuid(), "s", "rate", 1, 1))
        {
            Assert.Equal(recorded, span is { Recorded: true });
        }

        await host.StopAsync();
    }

    [Fact]
    public async Task The_service_is_named_after_the_role_with_the_sdk_and_role_attributes()
    {
        await using var collector = new OtlpReceiver();
        using var host = Build(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint });
        await host.StartAsync();

        var resource = Resource(host);
        Assert.Equal("orleanssweep-embedded", resource["service.name"]);
        Assert.Equal("orleanssweep", resource["service.namespace"]);
        Assert.Equal("embedded", resource[TelemetryExtensions.RoleAttribute]);
        Assert.Equal("opentelemetry", resource["telemetry.sdk.name"]);
        Assert.True(resource.ContainsKey("service.instance.id"));
        await host.StopAsync();
    }

    [Theory]
    [InlineData("sweeps-eu", null, "sweeps-eu")]
    [InlineData(null, "service.name=from-attributes,deployment.environment=test", "from-attributes")]
    [InlineData("wins", "service.name=loses,deployment.environment=test", "wins")]
    public async Task OTEL_SERVICE_NAME_and_OTEL_RESOURCE_ATTRIBUTES_override_the_default_name(string? serviceName, string? attributes, string expected)
    {
        await using var collector = new OtlpReceiver();
        using var host = Build(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_SERVICE_NAME"] = serviceName,
            ["OTEL_RESOURCE_ATTRIBUTES"] = attributes,
        });
        await host.StartAsync();

        var resource = Resource(host);
        Assert.Equal(expected, resource["service.name"]);
        if (attributes is not null)
        {
            Assert.Equal("test", resource["deployment.environment"]);
        }

        await host.StopAsync();
    }

    private static Dictionary<string, object> Resource(IHost host) =>
        host.Services.GetRequiredService<TracerProvider>().GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);

    private static IHost Build(Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration.Where(c => c.Value is not null));
        builder.AddSweepTelemetry("embedded");
        return builder.Build();
    }
}
