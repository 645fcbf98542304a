using System.Diagnostics;
using OrleansSweep.Contracts;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Telemetry.Tests.Support;
using static OrleansSweep.Telemetry.SweepTelemetry;

namespace OrleansSweep.Telemetry.Tests.Cells;

/// <summary>The spans and measurements of one cell computed by <see cref="CellWorker"/> (the science is real).</summary>
public sealed class CellWorkerTracingTests
{
    private static readonly string[] RealizationAnalyses = [Spans.FixedPoints, Spans.Lyapunov, Spans.Spectrum];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_cell_traces_each_realization_and_analysis_under_its_own_span(int realizations)
    {
        var plan = TestSweeps.Plan(cells: 2, realizations, Path.GetTempPath());
        var command = plan.Cells[1].Command;
        using var spans = new SpanRecorder();
        var worker = new CellWorker(DenseKernels.Managed, "worker-a", realizationParallelism: 2);

        CellAnalyzed? result;
        using (var sweepSpan = StartSweep(plan.SweepId, plan.Name, plan.Model, plan.Cells.Count, realizations))
        {
            result = await worker.AnalyzeAsync(command with { SweepTraceParent = sweepSpan!.Id }, CancellationToken.None);
        }

        Assert.NotNull(result);
        var sweep = spans.Single(Spans.Sweep);
        var cell = spans.Single(Spans.Cell);
        Assert.Equal(ActivityKind.Internal, cell.Kind);
        Assert.NotEqual(sweep.TraceId, cell.TraceId);
        Assert.Equal(default, cell.ParentSpanId);
        Assert.Contains(cell.Links, l => l.Context.SpanId == sweep.SpanId && l.Context.TraceId == sweep.TraceId);
        Assert.Equal(plan.SweepId.ToString(), cell.GetTagItem(Attributes.SweepId));
        Assert.Equal(command.CellId, cell.GetTagItem(Attributes.CellId));
        Assert.Equal(1, cell.GetTagItem(Attributes.CellIndex));
        Assert.Equal("rate", cell.GetTagItem(Attributes.Model));
        Assert.Equal(12, cell.GetTagItem(Attributes.N));
        Assert.Equal(plan.Cells[1].AxisValues["g"], cell.GetTagItem(Attributes.ParameterPrefix + "g"));
        Assert.Equal("worker-a", cell.GetTagItem(Attributes.Worker));
        Assert.Equal(result.Status, cell.GetTagItem(Attributes.Status));

        var realizationSpans = spans.Named(Spans.Realization);
        Assert.Equal(Enumerable.Range(0, realizations), realizationSpans.Select(r => (int)r.GetTagItem(Attributes.Realization)!).Order());
        Assert.All(realizationSpans, r => Assert.Equal(cell.SpanId, r.ParentSpanId));
        foreach (var realization in realizationSpans)
        {
            var children = spans.Spans.Where(s => s.ParentSpanId == realization.SpanId).Select(s => s.OperationName).Order();
            Assert.Equal(RealizationAnalyses.Order(), children);
        }

        var theory = spans.Single(Spans.Theory);
        Assert.Equal(cell.SpanId, theory.ParentSpanId);
        Assert.True((int)theory.GetTagItem(Attributes.TheoryValues)! > 0);
        Assert.All(spans.Spans.Where(s => s.OperationName != Spans.Sweep), s => Assert.Equal(cell.TraceId, s.TraceId));
    }

    [Fact]
    public async Task The_cells_headline_is_the_mean_of_its_realizations_results()
    {
        var plan = TestSweeps.Plan(cells: 3, realizations: 3, Path.GetTempPath());
        using var spans = new SpanRecorder();
        var worker = new CellWorker(DenseKernels.Managed, "worker-a");

        var result = await worker.AnalyzeAsync(plan.Cells[2].Command, CancellationToken.None);

        var cell = spans.Single(Spans.Cell);
        var lyapunov = spans.Named(Spans.Lyapunov);
        Assert.Equal(3, lyapunov.Count);
        Assert.All(lyapunov, l => Assert.Contains(l.GetTagItem(Attributes.Status), new object[] { Statuses.Converged, Statuses.NotConverged }));
        Assert.All(lyapunov, l => Assert.True((double)l.GetTagItem(Attributes.LyapunovWindowSpread)! >= 0));
        var headline = (double)cell.GetTagItem(Attributes.LyapunovMax)!;
        Assert.Equal(lyapunov.Average(l => (double)l.GetTagItem(Attributes.LyapunovMax)!), headline, 12);
        Assert.Equal(result!.Metrics["lyapunov_max"], headline);

        var fixedPoints = spans.Named(Spans.FixedPoints);
        Assert.Equal(3, fixedPoints.Count);
        Assert.Equal(fixedPoints.Average(f => (int)f.GetTagItem(Attributes.FixedPointsCount)!), (double)cell.GetTagItem(Attributes.FixedPointsCount)!, 12);
    }

    [Fact]
    public async Task A_failing_cell_sets_the_error_status_and_records_the_exception()
    {
        var sweepId = Guid.NewGuid();
        using var spans = new SpanRecorder();
        using var metrics = new MetricRecorder();
        var worker = new CellWorker(DenseKernels.Managed, "worker-b");

        var result = await worker.AnalyzeAsync(new AnalyzeCell(sweepId, "broken", 0, "{ not json"), CancellationToken.None);

        Assert.Equal("failed", result!.Status);
        var cell = spans.Single(Spans.Cell);
        Assert.Equal(ActivityStatusCode.Error, cell.Status);
        Assert.Equal(Statuses.Failed, cell.GetTagItem(Attributes.Status));
        var exception = Assert.Single(cell.Events, e => e.Name == "exception");
        Assert.Contains(exception.Tags, t => t.Key == "exception.type" && ((string)t.Value!).Contains("Json", StringComparison.Ordinal));
        var duration = Assert.Single(metrics.Of(Instruments.CellDuration));
        Assert.Equal(Statuses.Failed, duration.Tags[Attributes.Status]);
    }

    [Fact]
    public async Task A_cell_counts_in_flight_on_its_worker_and_records_its_durations()
    {
        var plan = TestSweeps.Plan(cells: 2, realizations: 2, Path.GetTempPath());
        using var metrics = new MetricRecorder();
        var worker = new CellWorker(DenseKernels.Managed, "worker-c");

        await worker.AnalyzeAsync(plan.Cells[0].Command, CancellationToken.None);

        var inFlight = metrics.Of(Instruments.CellsInFlight);
        Assert.Equal([1.0, -1.0], inFlight.Select(m => m.Value));
        Assert.All(inFlight, m => Assert.Equal("worker-c", m.Tags[Attributes.Worker]));
        var cell = Assert.Single(metrics.Of(Instruments.CellDuration));
        Assert.Equal("rate", cell.Tags[Attributes.Model]);
        var analyses = metrics.Of(Instruments.AnalysisDuration);
        Assert.Equal(2 * 3 + 1, analyses.Count); // 3 analyses per realisation, theory once
        Assert.True(analyses.Sum(a => a.Value) <= cell.Value); // nested in the cell and, one realisation at a time, disjoint
        Assert.Empty(metrics.Of(Instruments.QueueWait)); // the silo's executor measures it, not the worker
    }
}
