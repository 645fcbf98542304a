using MassTransit;
using OrleansSweep.Cluster.Workers;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Cells;

namespace OrleansSweep.Cluster.Consumers;

/// <summary>
/// The cell "grain": owns one cell while it is in flight, computes it through <see cref="ICellWorker"/> and sends one
/// compact result to the coordinator's queue. The command is acknowledged only after the result is handed to the
/// broker, so a silo killed mid-cell leaves the command on the broker for another silo (redelivery recomputes
/// bit-identically: every seed derives from the cell, never from the worker or the time).
/// </summary>
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
            result = await worker.AnalyzeAsync(command, scope.Token).ConfigureAwait(false);
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
}
