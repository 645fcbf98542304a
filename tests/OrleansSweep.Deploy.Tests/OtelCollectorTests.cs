using System.Text.Json;
using OrleansSweep.Deploy.Tests.Support;

namespace OrleansSweep.Deploy.Tests;

public sealed class OtelCollectorTests
{
    private static readonly JsonElement Config = DeployFiles.Yaml("deploy/otel/collector.yaml")[0];

    /// <summary>Components of the core collector distribution (otel/opentelemetry-collector), which compose runs.</summary>
    private static readonly HashSet<string> Core = new(["otlp", "batch", "debug"], StringComparer.Ordinal);

    private static IEnumerable<string> Names(string section) => Config.GetProperty(section).EnumerateObject().Select(p => p.Name);

    [Fact]
    public void Pipelines_use_only_defined_core_components()
    {
        foreach (var section in new[] { "receivers", "processors", "exporters" })
        {
            Assert.All(Names(section), name => Assert.Contains(name.Split('/')[0], Core));
        }

        foreach (var pipeline in Config.GetProperty("service").GetProperty("pipelines").EnumerateObject())
        {
            foreach (var (key, section) in new[] { ("receivers", "receivers"), ("processors", "processors"), ("exporters", "exporters") })
            {
                Assert.All(pipeline.Value.GetProperty(key).EnumerateArray().Select(e => e.GetString()!), name => Assert.Contains(name, Names(section)));
            }
        }
    }

    [Fact]
    public void Traces_go_to_Jaeger_and_OTLP_comes_in_on_the_standard_ports()
    {
        var traces = Config.GetProperty("service").GetProperty("pipelines").GetProperty("traces");
        Assert.Contains("otlp/jaeger", traces.GetProperty("exporters").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("jaeger:4317", Config.GetProperty("exporters").GetProperty("otlp/jaeger").GetProperty("endpoint").GetString(), StringComparison.Ordinal);
        var protocols = Config.GetProperty("receivers").GetProperty("otlp").GetProperty("protocols");
        Assert.EndsWith(":4317", protocols.GetProperty("grpc").GetProperty("endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith(":4318", protocols.GetProperty("http").GetProperty("endpoint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_sources_and_meters_the_processes_export()
    {
        var text = DeployFiles.Text("deploy/otel/collector.yaml") + DeployFiles.Text("deploy/otel/README.md");
        foreach (var name in OrleansSweep.Hosting.TelemetryExtensions.OrleansSources.Take(2)
            .Append(OrleansSweep.Hosting.TelemetryExtensions.OrleansMeter)
            .Append(OrleansSweep.Telemetry.SweepTelemetry.SourceName))
        {
            Assert.Contains($"\"{name}\"", text, StringComparison.Ordinal);
        }
    }
}
