using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Cluster.Coordination;

/// <summary>Where a cell result goes on the coordinator; completes once the result is durable.</summary>
internal interface IResultSink
{
    Task AcceptAsync(CellAnalyzed result, CancellationToken cancellationToken);
}

/// <summary>The embedded node: one <see cref="SweepCoordinator"/> takes every result.</summary>
internal sealed class SingleCoordinatorSink(SweepCoordinator coordinator) : IResultSink
{
    public Task AcceptAsync(CellAnalyzed result, CancellationToken cancellationToken) =>
        coordinator.AcceptAsync(result, cancellationToken);
}
