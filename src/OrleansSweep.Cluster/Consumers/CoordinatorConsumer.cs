using MassTransit;
using OrleansSweep.Cluster.Coordination;
using OrleansSweep.Contracts;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Cluster.Consumers;

/// <summary>The coordinator's command and query queue: submit, cancel, status and results, from any client.</summary>
internal sealed class CoordinatorConsumer(SweepSessions sessions) :
    IConsumer<StartSweep>, IConsumer<CancelSweep>, IConsumer<GetSweepStatus>, IConsumer<GetSweepResults>
{
    public Task Consume(ConsumeContext<StartSweep> context)
    {
        // Returns once the sweep is recorded as running; dispatching its cells goes on in the background. The client's
        // sweep span (header) becomes the parent of this coordinator's dispatch and outputs spans.
        sessions.Start(context.Message, SweepTelemetry.ParseTraceParent(context.Headers.Get<string>(SweepTelemetry.SweepContextHeader)));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<CancelSweep> context) =>
        sessions.CancelAsync(context.Message.SweepId, context.CancellationToken);

    public Task Consume(ConsumeContext<GetSweepStatus> context) =>
        context.RespondAsync(sessions.Status(context.Message.SweepId));

    public Task Consume(ConsumeContext<GetSweepResults> context) =>
        context.RespondAsync(sessions.Results(context.Message.SweepId));
}
