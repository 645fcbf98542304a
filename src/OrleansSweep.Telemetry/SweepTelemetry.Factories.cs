using System.Diagnostics;

namespace OrleansSweep.Telemetry;

public static partial class SweepTelemetry
{
    /// <summary>
    /// Starts the span of a sweep (kind Internal; a root unless the caller already runs inside a span). Its
    /// traceparent (<see cref="Activity.Id"/>) travels with the start command, so every cell span links to it.
    /// </summary>
    /// <remarks>Start it after the host (and so the tracer provider) has started, or nobody records it.</remarks>
    /// <returns>The span, or null when nobody listens.</returns>
    public static Activity? StartSweep(Guid sweepId, string name, string model, int cells, int realizations) =>
        Source.HasListeners()
            ? Source.StartActivity(Spans.Sweep, ActivityKind.Internal, default(ActivityContext),
            [
                new(Attributes.SweepId, sweepId.ToString()),
                new(Attributes.SweepName, name),
                new(Attributes.Model, model),
                new(Attributes.Cells, cells),
                new(Attributes.Realizations, realizations),
            ])
            : null;

    /// <summary>Starts writing a finished sweep's outputs, as a child of the current (sweep) span.</summary>
    public static Activity? StartOutputs(Guid sweepId, int cells, int failed) =>
        Source.HasListeners()
            ? Source.StartActivity(Spans.Outputs, ActivityKind.Internal, default(ActivityContext),
                [new(Attributes.SweepId, sweepId.ToString()), new(Attributes.Cells, cells), new(Attributes.CellsFailed, failed)])
            : null;

    /// <summary>
    /// Starts a cell span: always the root of a trace of its own (kind Internal), with an <see cref="ActivityLink"/>
    /// to the sweep span when <paramref name="sweepContext"/> is known.
    /// </summary>
    /// <remarks>
    /// <para>Whatever span is ambient is left out on purpose: on a silo it is Orleans' span of the grain call that
    /// delivered the cell (in the sweep's trace, or the cell's own start), and a parent there would make a sweep one
    /// giant trace.</para>
    /// <para>Starting a new trace clears <see cref="Activity.Current"/> for the rest of the caller's flow (the span
    /// restores null when it stops): call it from a method that owns its flow — the silo's cell executor thread, or a
    /// task — as the worker does. With no listener, or when the sampler drops the span, the flow is untouched.</para>
    /// </remarks>
    public static Activity? StartCell(ActivityContext sweepContext, Guid sweepId, string cellId, int cellIndex, string worker)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        ActivityLink[]? links = sweepContext == default
            ? null
            : [new ActivityLink(sweepContext, new ActivityTagsCollection { [Attributes.LinkKind] = "sweep" })];
        var ambient = Activity.Current;
        Activity.Current = null;
        var span = Source.StartActivity(Spans.Cell, ActivityKind.Internal, default(ActivityContext),
        [
            new(Attributes.SweepId, sweepId.ToString()),
            new(Attributes.CellId, cellId),
            new(Attributes.CellIndex, cellIndex),
            new(Attributes.Worker, worker),
        ], links);
        if (span is null)
        {
            Activity.Current = ambient; // nothing started: leave the caller's flow as it was
        }

        return span;
    }

    /// <summary>Adds what the cell is to its span: model and N always, every parameter value when all data is requested.</summary>
    public static void DescribeCell(Activity? cell, string model, int n, int realizations, IReadOnlyDictionary<string, double> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (cell is null)
        {
            return;
        }

        cell.SetTag(Attributes.Model, model);
        cell.SetTag(Attributes.N, n);
        cell.SetTag(Attributes.Realizations, realizations);
        if (cell.IsAllDataRequested)
        {
            foreach (var (name, value) in parameters)
            {
                cell.SetTag(Attributes.ParameterPrefix + name, value);
            }
        }
    }

    /// <summary>Starts the span of one realisation, as a child of the current (cell) span.</summary>
    public static Activity? StartRealization(int realization) =>
        Source.HasListeners()
            ? Source.StartActivity(Spans.Realization, ActivityKind.Internal, default(ActivityContext), [new(Attributes.Realization, realization)])
            : null;

    /// <summary>Starts an analysis span (<see cref="Spans.Lyapunov"/>, <see cref="Spans.Spectrum"/>, …) under the current span.</summary>
    public static Activity? StartAnalysis(string analysis) =>
        Source.HasListeners() ? Source.StartActivity(analysis, ActivityKind.Internal) : null;

    /// <summary>Sets the outcome attribute (one of <see cref="Statuses"/>) and, when all data is requested, its reason.</summary>
    /// <remarks>Leaves <see cref="Activity.Status"/> alone: non-convergence is a result, not an error.</remarks>
    public static void SetOutcome(Activity? span, string status, string? reason = null)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag(Attributes.Status, status);
        if (reason is not null && span.IsAllDataRequested)
        {
            span.SetTag(Attributes.StatusReason, reason);
        }
    }

    /// <summary>
    /// Records a thrown exception: error status and an exception event; a cancellation is an outcome
    /// (<see cref="Statuses.Cancelled"/>), not an error.
    /// </summary>
    public static void RecordException(Activity? span, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (span is null)
        {
            return;
        }

        if (exception is OperationCanceledException)
        {
            span.SetTag(Attributes.Status, Statuses.Cancelled);
            return;
        }

        span.SetTag(Attributes.Status, Statuses.Failed);
        span.SetStatus(ActivityStatusCode.Error, $"{exception.GetType().Name}: {exception.Message}");
        span.AddException(exception);
    }

    /// <summary>
    /// Clears <see cref="Activity.Current"/> until disposed, so that work started inside (e.g. the sweep grain's
    /// grain calls that start its cells) begins traces of its own instead of joining the current one.
    /// </summary>
    public static TraceDetachment DetachTrace()
    {
        var ambient = Activity.Current;
        Activity.Current = null;
        return new TraceDetachment(ambient);
    }
}

