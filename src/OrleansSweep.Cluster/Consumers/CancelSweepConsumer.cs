using MassTransit;
using OrleansSweep.Cluster.Workers;
using OrleansSweep.Contracts;

namespace OrleansSweep.Cluster.Consumers;

/// <summary>
/// Every worker silo receives cancellations on its own endpoint and stops the sweep's cells that were sent before
/// the cancel (running ones through their cancellation tokens, queued ones when they arrive).
/// </summary>
public sealed class CancelSweepConsumer(SweepFences fences) : IConsumer<CancelSweep>
{
    public Task Consume(ConsumeContext<CancelSweep> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        fences.Cancel(context.Message.SweepId, context.SentTime ?? DateTime.UtcNow);
        return Task.CompletedTask;
    }
}
