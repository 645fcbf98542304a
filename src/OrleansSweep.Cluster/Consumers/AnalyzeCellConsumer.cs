using MassTransit;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Cells;

namespace OrleansSweep.Cluster.Consumers;

/// <summary>
/// The cell "grain": owns one cell while it is in flight, computes it through <see cref="ICellWorker"/> and
/// publishes one compact result. The message is acknowledged only after the result is published, so a silo
/// killed mid-cell leaves the command on the broker for another silo (redelivery recomputes bit-identically).
/// </summary>
public sealed class AnalyzeCellConsumer(ICellWorker worker, SweepCancellations cancellations) : IConsumer<AnalyzeCell>
{
    public async Task Consume(ConsumeContext<AnalyzeCell> context)
    {
        using var scope = cancellations.Enter(context.Message.SweepId, context.CancellationToken);
        if (scope.Token.IsCancellationRequested)
        {
            return; // the sweep was cancelled: drop the command; a resubmission recreates it
        }

        var result = await worker.AnalyzeAsync(context.Message, scope.Token).ConfigureAwait(false);
        if (result is not null)
        {
            await context.Publish(result, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
