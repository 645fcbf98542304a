using OrleansSweep.Contracts;

namespace OrleansSweep.Sweeps.Coordination;

/// <summary>
/// The transport seam: how the coordinator hands cells to workers. The cluster project implements it over
/// MassTransit (in-memory embedded, RabbitMQ for clusters); nothing in the sweep logic names a transport type.
/// </summary>
public interface ICellDispatcher
{
    /// <summary>Queues the cells for the workers; returns once the transport has accepted them.</summary>
    Task DispatchAsync(IReadOnlyList<AnalyzeCell> cells, CancellationToken cancellationToken);

    /// <summary>Tells every worker to stop the sweep's running cells.</summary>
    Task CancelAsync(Guid sweepId, CancellationToken cancellationToken);
}
