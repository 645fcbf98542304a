using MassTransit;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Cells;

namespace OrleansSweep.Cluster.Consumers;

/// <summary>Every worker silo receives cancellations on its own endpoint and cancels the sweep's running cells.</summary>
public sealed class CancelSweepConsumer(SweepCancellations cancellations) : IConsumer<CancelSweep>
{
    public Task Consume(ConsumeContext<CancelSweep> context)
    {
        cancellations.Cancel(context.Message.SweepId);
        return Task.CompletedTask;
    }
}
