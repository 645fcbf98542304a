using MassTransit;
using OrleansSweep.Cluster.Coordination;
using OrleansSweep.Contracts;

namespace OrleansSweep.Cluster.Consumers;

/// <summary>The coordinator keeps the latest heartbeat of every worker silo for <c>sweep status</c>.</summary>
internal sealed class SiloHeartbeatConsumer(SiloDirectory silos) : IConsumer<SiloHeartbeat>
{
    public Task Consume(ConsumeContext<SiloHeartbeat> context)
    {
        silos.Record(context.Message);
        return Task.CompletedTask;
    }
}
