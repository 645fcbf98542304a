using System.Diagnostics;
using OrleansSweep.Telemetry.Tests.Support;
using static OrleansSweep.Telemetry.SweepTelemetry;

namespace OrleansSweep.Telemetry.Tests;

public sealed class SweepTelemetryTests
{
    private static readonly Dictionary<string, double> Parameters = new() { ["g"] = 1.5, ["dt"] = 0.1 };

    [Fact]
    public void A_sweep_span_is_a_root_remembered_for_the_process()
    {
        using var spans = new SpanRecorder();
        var sweepId = Guid.NewGuid();

        using (var sweep = StartSweep(sweepId, "s", "rate", 10, 2))
        {
            Assert.NotNull(sweep);
            Assert.Equal(ActivityKind.Internal, sweep.Kind);
            Assert.Equal(default, sweep.ParentSpanId);
            Assert.Equal(sweep.Context, SweepContextOf(sweepId));
        }

        var recorded = spans.Single(Spans.Sweep);
        Assert.Equal(sweepId.ToString(), recorded.GetTagItem(Attributes.SweepId));
        Assert.Equal(10, recorded.GetTagItem(Attributes.Cells));
    }

    [Fact]
    public async Task A_cell_under_its_sweeps_trace_starts_a_trace_of_its_own_linked_to_the_sweep_and_the_message()
    {
        using var spans = new SpanRecorder();
        var sweepId = Guid.NewGuid();
        using var sweep = StartSweep(sweepId, "s", "rate", 1, 1)!;
        using var message = Source.StartActivity("consume")!; // a transport span that joined the sweep's trace

        var cell = await RunCellAsync(sweep.Context, sweepId);

        Assert.NotEqual(sweep.TraceId, cell.TraceId);
        Assert.Equal(default, cell.ParentSpanId);
        Assert.Equal(
            [(sweep.Context.SpanId, "sweep"), (message.Context.SpanId, "message")],
            cell.Links.Select(l => (l.Context.SpanId, l.Tags!.Single(t => t.Key == Attributes.LinkKind).Value as string)));
        Assert.Same(message, Activity.Current); // the caller's flow is untouched
    }

    [Fact]
    public async Task A_cell_is_a_child_of_a_message_span_in_another_trace()
    {
        using var spans = new SpanRecorder();
        var sweepId = Guid.NewGuid();
        ActivityContext sweepContext;
        using (var sweep = StartSweep(sweepId, "s", "rate", 1, 1)!)
        {
            sweepContext = sweep.Context;
        }

        using var message = Source.StartActivity("consume", ActivityKind.Consumer)!;
        Assert.NotEqual(sweepContext.TraceId, message.TraceId);

        var cell = await RunCellAsync(sweepContext, sweepId);

        Assert.Equal(message.TraceId, cell.TraceId);
        Assert.Equal(message.SpanId, cell.ParentSpanId);
        Assert.Equal(sweepContext.SpanId, Assert.Single(cell.Links).Context.SpanId);
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

    [Fact]
    public async Task A_declared_delivery_overrides_the_process_memory_and_gives_the_queue_wait()
    {
        var sweepId = Guid.NewGuid();
        var remembered = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var delivered = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        Assert.Equal(new CellOrigin(default, null), CellOriginOf(sweepId));
        RememberSweep(sweepId, remembered);
        MarkDispatched(sweepId);
        await Task.Delay(20);

        var local = CellOriginOf(sweepId);
        CellOrigin declared;
        using (BeginCellDelivery(delivered, DateTimeOffset.UtcNow - TimeSpan.FromMinutes(5)))
        {
            declared = CellOriginOf(sweepId);
        }

        Assert.Equal(remembered, local.SweepContext);
        Assert.InRange(local.QueueWait!.Value, TimeSpan.FromMilliseconds(15), TimeSpan.FromMinutes(1));
        Assert.Equal(delivered, declared.SweepContext);
        Assert.InRange(declared.QueueWait!.Value, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6));
        Assert.Equal(local.SweepContext, CellOriginOf(sweepId).SweepContext); // the declaration ended with its scope
    }

    [Fact]
    public void The_process_memory_forgets_stopped_sweeps_and_stays_bounded()
    {
        var context = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var sweeps = Enumerable.Range(0, 1025).Select(_ => Guid.NewGuid()).ToList();
        foreach (var sweepId in sweeps)
        {
            RememberSweep(sweepId, context);
        }

        ForgetSweep(sweeps[^1]);

        Assert.Equal(default, SweepContextOf(sweeps[0])); // the oldest made room
        Assert.Equal(context, SweepContextOf(sweeps[1]));
        Assert.Equal(default, SweepContextOf(sweeps[^1]));
    }

    /// <summary>Starts and stops a cell span the way the worker does: inside an async method that owns its flow.</summary>
    private static async Task<Activity> RunCellAsync(ActivityContext sweepContext, Guid sweepId)
    {
        await Task.Yield();
        using var cell = StartCell(sweepContext, sweepId, "cell-1", 3, "worker-a");
        return Assert.IsType<Activity>(cell);
    }
}
