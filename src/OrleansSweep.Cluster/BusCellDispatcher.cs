using MassTransit;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Cluster;

/// <summary>Hands cells to the workers' competing-consumer queue; broadcasts cancellations to every worker.</summary>
internal sealed class BusCellDispatcher(ISendEndpointProvider sendEndpoints, IPublishEndpoint publisher) : ICellDispatcher
{
    private const int SendBatch = 500;

    public async Task DispatchAsync(IReadOnlyList<AnalyzeCell> cells, CancellationToken cancellationToken)
    {
        var endpoint = await sendEndpoints.GetSendEndpoint(new Uri($"queue:{QueueNames.AnalyzeCell}")).ConfigureAwait(false);
        foreach (var chunk in cells.Chunk(SendBatch))
        {
            await endpoint.SendBatch(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task CancelAsync(Guid sweepId, CancellationToken cancellationToken) =>
        publisher.Publish(new CancelSweep(sweepId), cancellationToken);
}
