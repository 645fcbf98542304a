using System.Diagnostics;

namespace OrleansSweep.Telemetry;

public static partial class SweepTelemetry
{
    /// <summary>
    /// Starts the root span of a sweep (kind Internal; a child only if the caller already runs inside a span) and
    /// remembers its context for this process, so the coordinator and embedded workers can parent and link to it
    /// (see <see cref="SweepContextOf"/>). A client that submits to a cluster sends the context along in the
    /// <see cref="SweepContextHeader"/>.
    /// </summary>
    /// <returns>The span, or null when nobody listens.</returns>
    public static Activity? StartSweep(Guid sweepId, string name, string model, int cells, int realizations)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var span = Source.StartActivity(Spans.Sweep, ActivityKind.Internal, default(ActivityContext),
        [
            new(Attributes.SweepId, sweepId.ToString()),
            new(Attributes.SweepName, name),
            new(Attributes.Model, model),
            new(Attributes.Cells, cells),
            new(Attributes.Realizations, realizations),
        ]);
        if (span is not null)
        {
            RememberSweep(sweepId, span.Context);
        }

        return span;
    }

    /// <summary>Starts the coordinator's dispatch of <paramref name="cells"/> cells, as a child of the sweep span.</summary>
    /// <remarks>Send the cells inside <see cref="DetachTrace"/>: each cell's messages then start a trace of their own.</remarks>
    public static Activity? StartDispatch(ActivityContext sweepContext, Guid sweepId, int cells, int resumed) =>
        Source.HasListeners()
            ? Source.StartActivity(Spans.Dispatch, ActivityKind.Internal, sweepContext,
                [new(Attributes.SweepId, sweepId.ToString()), new(Attributes.Cells, cells), new(Attributes.CellsResumed, resumed)])
            : null;

    /// <summary>Starts the coordinator writing a finished sweep's outputs, as a child of the sweep span.</summary>
    public static Activity? StartOutputs(ActivityContext sweepContext, Guid sweepId, int cells, int failed) =>
        Source.HasListeners()
            ? Source.StartActivity(Spans.Outputs, ActivityKind.Internal, sweepContext,
                [new(Attributes.SweepId, sweepId.ToString()), new(Attributes.Cells, cells), new(Attributes.CellsFailed, failed)])
            : null;

    /// <summary>
    /// Starts a cell span (kind Internal: the transport's consume span, when there is one, is the Consumer span) with
    /// an <see cref="ActivityLink"/> to the sweep span.
    /// </summary>
    /// <remarks>
    /// <para>Parent: the ambient <see cref="Activity.Current"/> (the message's consume span) when that lives in a
    /// trace of its own; when the ambient span belongs to the sweep's trace (the transport propagated the sweep as
    /// parent), the cell starts a new trace instead and also links to the ambient span — either way every cell is
    /// a trace of its own.</para>
    /// <para>Starting a new trace clears <see cref="Activity.Current"/> for the rest of the caller's flow (the span
    /// restores null when it stops): call it from an async method or a task that owns its flow, as the worker does.</para>
    /// </remarks>
    public static Activity? StartCell(ActivityContext sweepContext, Guid sweepId, string cellId, int cellIndex, string worker)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var ambient = Activity.Current;
        var detach = ambient is not null && sweepContext != default && ambient.TraceId == sweepContext.TraceId;
        var links = new List<ActivityLink>(2);
        if (sweepContext != default)
        {
            links.Add(new ActivityLink(sweepContext, new ActivityTagsCollection { [Attributes.LinkKind] = "sweep" }));
        }

        if (detach)
        {
            links.Add(new ActivityLink(ambient!.Context, new ActivityTagsCollection { [Attributes.LinkKind] = "message" }));
            Activity.Current = null;
        }

        var span = Source.StartActivity(Spans.Cell, ActivityKind.Internal, default(ActivityContext),
        [
            new(Attributes.SweepId, sweepId.ToString()),
            new(Attributes.CellId, cellId),
            new(Attributes.CellIndex, cellIndex),
            new(Attributes.Worker, worker),
        ], links);
        if (span is null && detach)
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
    /// Clears <see cref="Activity.Current"/> until disposed, so that work started inside (e.g. the transport's
    /// per-message send spans) begins traces of its own instead of joining the current one.
    /// </summary>
    public static TraceDetachment DetachTrace()
    {
        var ambient = Activity.Current;
        Activity.Current = null;
        return new TraceDetachment(ambient);
    }
}

