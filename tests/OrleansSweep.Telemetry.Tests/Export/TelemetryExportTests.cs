using System.Diagnostics;
using OrleansSweep.Telemetry.Export;
using OrleansSweep.Telemetry.Tests.Support;
using static OrleansSweep.Telemetry.SweepTelemetry;

namespace OrleansSweep.Telemetry.Tests.Export;

/// <summary>The providers <see cref="TelemetryExport"/> builds, exporting in this process to a local OTLP/HTTP collector.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Spans_and_metrics_reach_an_otlp_http_collector_under_the_roles_service_name()
    {
        await using var collector = new OtlpReceiver();
        var sweepId = Guid.NewGuid();
        using (var export = TelemetryExport.Start(Settings(collector, "worker")))
        {
            Assert.True(export.IsEnabled);
            await ProduceAsync(sweepId);
        }

        Assert.Empty(collector.Problems);
        var spans = collector.Spans.Where(s => (string?)s.Attributes.GetValueOrDefault(Attributes.SweepId) == sweepId.ToString()).ToList();
        var sweep = Assert.Single(spans, s => s.Name == Spans.Sweep);
        var cell = Assert.Single(spans, s => s.Name == Spans.Cell);
        Assert.All(spans, s => Assert.Equal("orleanssweep-worker", s.Service));
        Assert.Equal("worker", sweep.Resource["orleanssweep.role"]);
        Assert.Equal(SourceName, sweep.Scope);
        Assert.Equal([(sweep.TraceId, sweep.SpanId)], cell.Links);
        Assert.NotEqual(sweep.TraceId, cell.TraceId);
        Assert.Equal(OtlpDecoder.KindInternal, cell.Kind);
        Assert.Equal(2L, cell.Attributes[Attributes.CellIndex]);
        var realization = Assert.Single(collector.Spans, s => s.Name == Spans.Realization && s.TraceId == cell.TraceId);
        Assert.Equal(cell.SpanId, realization.ParentSpanId);

        var completed = collector.Metrics.Where(m => m.Name == Instruments.CellsCompleted).ToList();
        Assert.NotEmpty(completed);
        Assert.All(completed, m => Assert.Equal(("orleanssweep-worker", MeterName), (m.Service, m.Scope)));
        Assert.Contains(completed.SelectMany(m => m.Points), p => (string?)p.Attributes[Attributes.Model] == "export-test" && p.Value == 2);
        Assert.Contains(collector.Metrics, m => m.Name == Instruments.CellDuration && m.Points.Any(p => p.Value == 1)); // a histogram: its count
    }

    [Fact]
    public async Task The_always_off_sampler_keeps_spans_home_but_not_metrics()
    {
        await using var collector = new OtlpReceiver();
        using (TelemetryExport.Start(Settings(collector, "client", ("OTEL_TRACES_SAMPLER", "always_off"))))
        {
            await ProduceAsync(Guid.NewGuid());
        }

        Assert.Empty(collector.Spans);
        Assert.Contains(collector.Metrics, m => m.Name == Instruments.CellsCompleted);
    }

    [Fact]
    public void Without_an_endpoint_nothing_listens_and_disposing_is_harmless()
    {
        using var export = TelemetryExport.Start(ExportSettings.Read("client", _ => null));

        Assert.False(export.IsEnabled);
        Assert.False(Source.HasListeners());
        Assert.True(export.ForceFlush(TimeSpan.FromSeconds(1)));
        Assert.Contains("off", export.Description, StringComparison.Ordinal);
    }

    private static ExportSettings Settings(OtlpReceiver collector, string role, params (string Name, string Value)[] extra)
    {
        var variables = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        };
        foreach (var (name, value) in extra)
        {
            variables[name] = value;
        }

        return ExportSettings.Read(role, name => variables.GetValueOrDefault(name));
    }

    /// <summary>A sweep span, one cell (its own trace, linked) with a realisation, and a few measurements.</summary>
    private static async Task ProduceAsync(Guid sweepId)
    {
        ActivityContext sweepContext;
        using (var sweep = StartSweep(sweepId, "export", "export-test", 1, 1))
        {
            sweepContext = sweep?.Context ?? default;
        }

        await Task.Run(() =>
        {
            using var cell = StartCell(sweepContext, sweepId, "cell-2", 2, "worker-x");
            using (StartRealization(0))
            {
                RecordCellDuration("export-test", Statuses.Ok, TimeSpan.FromMilliseconds(5));
            }
        });
        RecordCellRecorded("export-test", Statuses.Ok);
        RecordCellRecorded("export-test", Statuses.Ok);
    }
}
