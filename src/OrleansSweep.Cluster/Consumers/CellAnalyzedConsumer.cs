using MassTransit;
using OrleansSweep.Cluster.Coordination;
using OrleansSweep.Contracts;

namespace OrleansSweep.Cluster.Consumers;

/// <summary>The coordinator's inbox: the message is acknowledged once the result is durable in the store.</summary>
internal sealed class CellAnalyzedConsumer(IResultSink sink) : IConsumer<CellAnalyzed>
{
    public Task Consume(ConsumeContext<CellAnalyzed> context) =>
        sink.AcceptAsync(context.Message, context.CancellationToken);
}
