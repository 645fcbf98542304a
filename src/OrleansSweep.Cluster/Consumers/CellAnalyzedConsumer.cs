using MassTransit;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Cluster.Consumers;

/// <summary>The coordinator's inbox: the message is acknowledged once the result is durable in the store.</summary>
public sealed class CellAnalyzedConsumer(SweepCoordinator coordinator) : IConsumer<CellAnalyzed>
{
    public Task Consume(ConsumeContext<CellAnalyzed> context) =>
        coordinator.AcceptAsync(context.Message, context.CancellationToken);
}
