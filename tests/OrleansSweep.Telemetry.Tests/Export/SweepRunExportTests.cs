using OrleansSweep.Telemetry.Tests.Support;
using Xunit.Abstractions;
using static OrleansSweep.Telemetry.SweepTelemetry;

namespace OrleansSweep.Telemetry.Tests.Export;

/// <summary>
/// End to end: the real <c>sweep run</c> process exports to a local OTLP/HTTP collector configured only through the
/// standard OTEL_* variables.
/// </summary>
public sealed class SweepRunExportTests(ITestOutputHelper log) : IDisposable
{
    private const int Cells = 3;
    private const int Realizations = 2;
    private const string OrleansSources = "Microsoft.Orleans.";
    private const string StartSweepCall = "ISweepGrain/StartAsync";
    private const string TelemetryExtensionsOrleansMeter = OrleansSweep.Hosting.TelemetryExtensions.OrleansMeter;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string folder = Directory.CreateTempSubdirectory("telemetry-e2e-").FullName;

    [Fact]
    public async Task A_sweep_run_exports_the_sweep_its_cells_and_analyses_and_orleans_spans_and_metrics()
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
        Assert.Contains("telemetry: OTLP export as orleanssweep-embedded", output, StringComparison.Ordinal);
        Assert.Empty(collector.Problems);
        var spans = collector.Spans;
        Assert.All(spans, s => Assert.Equal("orleanssweep-embedded", s.Service));

        foreach (var group in spans.GroupBy(s => (s.Scope, s.Name)).OrderByDescending(g => g.Count()))
        {
            log.WriteLine($"spans: {group.Count(),5} {group.Key.Scope} {group.Key.Name}");
        }

        var sweep = Assert.Single(spans, s => s.Name == Spans.Sweep);
        Assert.Equal("", sweep.ParentSpanId);
        Assert.Equal("completed", sweep.Attributes[Attributes.Status]);
        Assert.Equal("embedded", sweep.Resource["orleanssweep.role"]);
        Assert.Equal(sweep.SpanId, Assert.Single(spans, s => s.Name == Spans.Outputs).ParentSpanId);

        // Orleans' grain-call spans join the sweep's trace: the call that started the sweep grain, client and server.
        var sweepTrace = spans.Where(s => s.TraceId == sweep.TraceId).ToList();
        foreach (var span in sweepTrace)
        {
            log.WriteLine($"sweep trace: {span.Scope} {span.Name} kind {span.Kind} parent {span.ParentSpanId} id {span.SpanId}");
        }

        var startCall = Assert.Single(sweepTrace, s => s.Name == StartSweepCall && s.ParentSpanId == sweep.SpanId);
        Assert.Equal(OtlpDecoder.KindClient, startCall.Kind);
        Assert.StartsWith(OrleansSources, startCall.Scope, StringComparison.Ordinal);
        Assert.Contains(sweepTrace, s => s.Name == StartSweepCall && s.Kind == OtlpDecoder.KindServer && s.ParentSpanId == startCall.SpanId);
        Assert.DoesNotContain(sweepTrace, s => s.Name.Contains("ICellGrain", StringComparison.Ordinal));
        Assert.InRange(sweepTrace.Count, 3, 24); // the start (calls, activation, storage, reminder) and the outputs: nothing per cell
        Assert.Contains(spans, s => s.Name == "ICellGrain/StartAsync" && s.TraceId != sweep.TraceId);

        var cells = spans.Where(s => s.Name == Spans.Cell && s.Scope == SourceName).ToList();
        Assert.Equal(Cells, cells.Count);
        Assert.Equal(Cells, cells.Select(c => c.TraceId).Distinct().Count());
        Assert.All(cells, cell =>
        {
            Assert.Equal("", cell.ParentSpanId); // the root of its own trace
            Assert.NotEqual(sweep.TraceId, cell.TraceId);
            Assert.Equal([(sweep.TraceId, sweep.SpanId)], cell.Links);
            Assert.Equal("rate", cell.Attributes[Attributes.Model]);
            Assert.Equal(12L, cell.Attributes[Attributes.N]);
            Assert.Equal("embedded", cell.Attributes[Attributes.Worker]);
            Assert.IsType<double>(cell.Attributes[Attributes.LyapunovMax]);

            var realizations = spans.Where(s => s.Name == Spans.Realization && s.ParentSpanId == cell.SpanId).ToList();
            Assert.Equal(Realizations, realizations.Count);
            Assert.All(realizations, r => Assert.Equal(
                [Spans.FixedPoints, Spans.Lyapunov, Spans.Spectrum],
                spans.Where(s => s.ParentSpanId == r.SpanId).Select(s => s.Name).Order()));
            Assert.Single(spans, s => s.Name == Spans.Theory && s.ParentSpanId == cell.SpanId);
        });

        var metrics = collector.Metrics;
        Assert.All(metrics, m => Assert.Equal("orleanssweep-embedded", m.Service));
        // Cumulative sums: the last export (the flush at exit) holds the totals, one point per (model, status).
        Assert.Equal(Cells, metrics.Last(m => m.Name == Instruments.CellsCompleted).Points.Sum(p => p.Value));
        Assert.Equal(0, metrics.Last(m => m.Name == Instruments.CellsInFlight).Points.Sum(p => p.Value));
        Assert.Equal(Cells, metrics.Last(m => m.Name == Instruments.CellDuration).Points.Sum(p => p.Value)); // histogram counts
        Assert.True(metrics.Last(m => m.Name == Instruments.QueueWait).Points.Sum(p => p.Value) >= Cells);
        Assert.Contains(metrics, m => m.Scope == TelemetryExtensionsOrleansMeter && m.Name.StartsWith("orleans-", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
