using System.Diagnostics;
using MassTransit;
using OrleansSweep.Cluster.Workers;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Cluster.Consumers;

/// <summary>
/// The cell "grain": owns one cell while it is in flight, computes it through <see cref="ICellWorker"/> and sends one
/// compact result to the coordinator's queue. The command is acknowledged only after the result is handed to the
/// broker, so a silo killed mid-cell leaves the command on the broker for another silo (redelivery recomputes
/// bit-identically: every seed derives from the cell, never from the worker or the time).
/// </summary>
/// <remarks>
/// Telemetry: the call is declared as a cell delivery (<see cref="SweepTelemetry.BeginCellDelivery"/>) with the sweep
/// span's context from the <see cref="SweepTelemetry.SweepContextHeader"/> and the message's sent time, so the cell
/// span links to the sweep span and the queue wait is measured from the send (clocks of two machines may disagree:
/// a negative wait counts as zero).
/// </remarks>
public sealed class AnalyzeCellConsumer(ICellWorker worker, SweepFences fences, WorkerActivity activity) : IConsumer<AnalyzeCell>
{
    public async Task Consume(ConsumeContext<AnalyzeCell> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = context.Message;
        if (fences.IsStale(command.SweepId, context.SentTime))
        {
            activity.Dropped(); // a later cancel or redispatch of the sweep covers this command
            return;
        }

        CellAnalyzed? result;
        using (var scope = fences.Enter(command.SweepId, context.SentTime, context.CancellationToken))
        {
            using (SweepTelemetry.BeginCellDelivery(SweepContextOf(context), SentAt(context)))
            {
                result = await worker.AnalyzeAsync(command, scope.Token).ConfigureAwait(false);
            }
        }

        if (result is null)
        {
            // Stopped. On shutdown, throwing leaves the command unacknowledged, so the broker hands it to another
            // silo; on a cancel of the sweep, acknowledging drops it (a resubmission dispatches it again).
            context.CancellationToken.ThrowIfCancellationRequested();
            activity.Dropped();
            return;
        }

        var results = await context.GetSendEndpoint(QueueNames.Queue(QueueNames.CellResults)).ConfigureAwait(false);
        await results.Send(result, context.CancellationToken).ConfigureAwait(false);
        activity.Computed();
    }

    private static ActivityContext SweepContextOf(ConsumeContext context) =>
        SweepTelemetry.ParseTraceParent(context.Headers.Get<string>(SweepTelemetry.SweepContextHeader));

    /// <summary>MassTransit's sent time is UTC (its kind is not always set).</summary>
    private static DateTimeOffset? SentAt(ConsumeContext context) =>
        context.SentTime is { } sent ? new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)) : null;
}
