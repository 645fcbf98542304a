using OrleansSweep.Telemetry.Tests.Support;
using static OrleansSweep.Telemetry.SweepTelemetry;

namespace OrleansSweep.Telemetry.Tests.Export;

/// <summary>
/// End to end: the real <c>sweep run</c> process exports to a local OTLP/HTTP collector configured only through the
/// standard OTEL_* variables.
/// </summary>
public sealed class SweepRunExportTests : IDisposable
{
    private const int Cells = 3;
    private const int Realizations = 2;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string folder = Directory.CreateTempSubdirectory("telemetry-e2e-").FullName;

    [Fact]
    public async Task A_sweep_run_exports_the_sweep_its_cells_and_analyses_and_the_buss_spans()
    {
        await using var collector = new OtlpReceiver();
        File.WriteAllText(Path.Combine(folder, "spec.json"), TestSweeps.RateJson(Cells, Realizations, name: "otlp-e2e"));
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        };

        var (exit, output, error) = await SweepProcess.RunAsync(folder, environment, Patience, "run", "spec.json", "--out", "out");

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("telemetry: traces http/protobuf", output, StringComparison.Ordinal);
        Assert.Empty(collector.Problems);
        var spans = collector.Spans;
        Assert.All(spans, s => Assert.Equal("orleanssweep-embedded", s.Service));

        var sweep = Assert.Single(spans, s => s.Name == Spans.Sweep);
        Assert.Equal("", sweep.ParentSpanId);
        Assert.Equal("completed", sweep.Attributes[Attributes.Status]);
        Assert.Equal("embedded", sweep.Resource["orleanssweep.role"]);
        Assert.Equal(sweep.SpanId, Assert.Single(spans, s => s.Name == Spans.Dispatch).ParentSpanId);
        Assert.Equal(sweep.SpanId, Assert.Single(spans, s => s.Name == Spans.Outputs).ParentSpanId);

        var cells = spans.Where(s => s.Name == Spans.Cell && s.Scope == SourceName).ToList();
        Assert.Equal(Cells, cells.Count);
        Assert.Equal(Cells, cells.Select(c => c.TraceId).Distinct().Count());
        Assert.All(cells, cell =>
        {
            Assert.NotEqual(sweep.TraceId, cell.TraceId);
            Assert.Contains((sweep.TraceId, sweep.SpanId), cell.Links);
            Assert.Equal("rate", cell.Attributes[Attributes.Model]);
            Assert.Equal(12L, cell.Attributes[Attributes.N]);
            Assert.IsType<double>(cell.Attributes[Attributes.LyapunovMax]);

            // Each cell's trace is its message's journey: MassTransit's send (the root), receive and consume around
            // the cell span, and the send of its result back to the coordinator.
            var trace = spans.Where(s => s.TraceId == cell.TraceId).ToList();
            var parent = Assert.Single(trace, s => s.SpanId == cell.ParentSpanId);
            Assert.Equal((MassTransitName, OtlpDecoder.KindConsumer), (parent.Scope, parent.Kind));
            var root = Assert.Single(trace, s => s.ParentSpanId == "");
            Assert.Equal((MassTransitName, OtlpDecoder.KindProducer), (root.Scope, root.Kind));
            Assert.Contains(trace, s => s.Scope == MassTransitName && s.Kind == OtlpDecoder.KindProducer && s.ParentSpanId == parent.SpanId);

            var realizations = spans.Where(s => s.Name == Spans.Realization && s.ParentSpanId == cell.SpanId).ToList();
            Assert.Equal(Realizations, realizations.Count);
            Assert.All(realizations, r => Assert.Equal(
                [Spans.FixedPoints, Spans.Lyapunov, Spans.Spectrum],
                spans.Where(s => s.ParentSpanId == r.SpanId).Select(s => s.Name).Order()));
            Assert.Single(spans, s => s.Name == Spans.Theory && s.ParentSpanId == cell.SpanId);
        });
        Assert.Equal(3, spans.Count(s => s.TraceId == sweep.TraceId)); // sweep, dispatch, outputs: the sweep trace stays small

        var metrics = collector.Metrics;
        Assert.All(metrics, m => Assert.Equal("orleanssweep-embedded", m.Service));
        // Cumulative sums: the last export holds the totals, one point per (model, status).
        Assert.Equal(Cells, metrics.Last(m => m.Name == Instruments.CellsCompleted).Points.Sum(p => p.Value));
        Assert.Equal(0, metrics.Last(m => m.Name == Instruments.CellsInFlight).Points.Sum(p => p.Value));
        Assert.Contains(metrics, m => m.Name == Instruments.WriteLatency);
        Assert.Contains(metrics, m => m.Scope == MassTransitName);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
