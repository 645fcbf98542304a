using MassTransit;
using OrleansSweep.Cluster.Workers;
using OrleansSweep.Contracts;

namespace OrleansSweep.Cluster.Consumers;

/// <summary>A worker learns that a sweep was (re)dispatched, so older commands of that sweep still queued are dropped.</summary>
public sealed class CellsDispatchedConsumer(SweepFences fences) : IConsumer<CellsDispatched>
{
    public Task Consume(ConsumeContext<CellsDispatched> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        fences.Supersede(context.Message.SweepId, context.Message.DispatchedUtc);
        return Task.CompletedTask;
    }
}
