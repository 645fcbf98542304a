using System.Diagnostics;
using OrleansSweep.Telemetry.Tests.Support;
using static OrleansSweep.Telemetry.SweepTelemetry;

namespace OrleansSweep.Telemetry.Tests;

public sealed class SweepTelemetryTests
{
    private static readonly Dictionary<string, double> Parameters = new() { ["g"] = 1.5, ["dt"] = 0.1 };

    [Fact]
    public void A_sweep_span_is_a_root_whose_id_is_its_traceparent()
    {
        using var spans = new SpanRecorder();
        var sweepId = Guid.NewGuid();

        using (var sweep = StartSweep(sweepId, "s", "rate", 10, 2))
        {
            Assert.NotNull(sweep);
            Assert.Equal(ActivityKind.Internal, sweep.Kind);
            Assert.Equal(default, sweep.ParentSpanId);
            Assert.Equal(sweep.Context.SpanId, ParseTraceParent(sweep.Id).SpanId); // what SweepClient sends along
        }

        var recorded = spans.Single(Spans.Sweep);
        Assert.Equal(sweepId.ToString(), recorded.GetTagItem(Attributes.SweepId));
        Assert.Equal(10, recorded.GetTagItem(Attributes.Cells));
    }

    [Fact]
    public async Task A_cell_span_under_an_ambient_span_is_the_root_of_its_own_trace_linked_to_the_sweep()
    {
        using var spans = new SpanRecorder();
        var sweepId = Guid.NewGuid();
        using var sweep = StartSweep(sweepId, "s", "rate", 1, 1)!;
        using var grainCall = Source.StartActivity("grain call", ActivityKind.Server)!; // as Orleans' propagated span

        var cell = await RunCellAsync(sweep.Context, sweepId);

        Assert.NotEqual(sweep.TraceId, cell.TraceId);
        Assert.Equal(default, cell.ParentSpanId);
        Assert.Null(cell.Parent);
        var link = Assert.Single(cell.Links);
        Assert.Equal((sweep.TraceId, sweep.SpanId), (link.Context.TraceId, link.Context.SpanId));
        Assert.Equal("sweep", link.Tags!.Single(t => t.Key == Attributes.LinkKind).Value);
        Assert.Same(grainCall, Activity.Current); // the caller's flow is untouched
    }

    [Fact]
    public async Task A_cell_without_a_sweep_context_is_a_root_without_links()
    {
        using var spans = new SpanRecorder();

        var cell = await RunCellAsync(default, Guid.NewGuid());

        Assert.Equal(default, cell.ParentSpanId);
        Assert.Empty(cell.Links);
    }

    [Fact]
    public void Parameters_are_tagged_only_when_all_data_is_requested()
    {
        using (new SpanRecorder())
        {
            using var cell = StartCell(default, Guid.NewGuid(), "c", 0, "w")!;
            DescribeCell(cell, "rate", 12, 2, Parameters);
            Assert.Equal(1.5, cell.GetTagItem(Attributes.ParameterPrefix + "g"));
            Assert.Equal(12, cell.GetTagItem(Attributes.N));
        }

        using (new SpanRecorder(ActivitySamplingResult.PropagationData))
        {
            using var cell = StartCell(default, Guid.NewGuid(), "c", 0, "w")!;
            DescribeCell(cell, "rate", 12, 2, Parameters);
            Assert.False(cell.IsAllDataRequested);
            Assert.Null(cell.GetTagItem(Attributes.ParameterPrefix + "g"));
        }
    }

    [Fact]
    public void Without_a_listener_nothing_is_started_and_the_flow_is_untouched()
    {
        Assert.False(Source.HasListeners());
        using var outer = new ActivitySource("other-test-source").StartActivity("x");
        var before = Activity.Current;

        Assert.Null(StartSweep(Guid.NewGuid(), "s", "rate", 1, 1));
        Assert.Null(StartCell(new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded), Guid.NewGuid(), "c", 0, "w"));
        Assert.Null(StartRealization(0));
        Assert.Same(before, Activity.Current);
    }

    [Fact]
    public void An_exception_is_an_error_with_an_event_but_a_cancellation_is_an_outcome()
    {
        using var spans = new SpanRecorder();
        using (var failed = StartAnalysis(Spans.Lyapunov))
        {
            RecordException(failed, new InvalidOperationException("boom"));
        }

        using (var cancelled = StartAnalysis(Spans.Spectrum))
        {
            RecordException(cancelled, new OperationCanceledException());
        }

        var error = spans.Single(Spans.Lyapunov);
        Assert.Equal(ActivityStatusCode.Error, error.Status);
        Assert.Equal(Statuses.Failed, error.GetTagItem(Attributes.Status));
        Assert.Contains(error.Events, e => e.Name == "exception" && e.Tags.Any(t => t.Key == "exception.message" && (string?)t.Value == "boom"));
        var stopped = spans.Single(Spans.Spectrum);
        Assert.Equal(ActivityStatusCode.Unset, stopped.Status);
        Assert.Equal(Statuses.Cancelled, stopped.GetTagItem(Attributes.Status));
    }

    [Fact]
    public void The_sweep_context_round_trips_through_its_header_text()
    {
        var context = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

        var parsed = ParseTraceParent(ToTraceParent(context));

        Assert.Equal((context.TraceId, context.SpanId, context.TraceFlags), (parsed.TraceId, parsed.SpanId, parsed.TraceFlags));
        Assert.Null(ToTraceParent(default));
        Assert.Equal(default, ParseTraceParent("not a traceparent"));
        Assert.Equal(default, ParseTraceParent(null));
    }

    /// <summary>Starts and stops a cell span the way the worker does: inside an async method that owns its flow.</summary>
    private static async Task<Activity> RunCellAsync(ActivityContext sweepContext, Guid sweepId)
    {
        await Task.Yield();
        using var cell = StartCell(sweepContext, sweepId, "cell-1", 3, "worker-a");
        return Assert.IsType<Activity>(cell);
    }
}
