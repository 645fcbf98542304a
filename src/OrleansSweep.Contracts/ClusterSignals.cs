namespace OrleansSweep.Contracts;

/// <summary>
/// Event from the coordinator to every worker: it (re)dispatched the sweep's missing cells at
/// <paramref name="DispatchedUtc"/>, so commands of the sweep sent before that moment are superseded.
/// </summary>
/// <remarks>
/// A restarted coordinator re-sends every cell without a stored result, while the old commands may still be queued;
/// workers drop the old ones instead of computing each such cell twice. Dropping is safe because the new dispatch
/// covers every cell that was not yet stored; a worker that misses this event merely computes a duplicate, which the
/// coordinator's store drops by cell id.
/// </remarks>
public sealed record CellsDispatched(Guid SweepId, DateTime DispatchedUtc);

/// <summary>Event: a worker silo's periodic sign of life, with what it is computing.</summary>
/// <param name="Node">The silo's name.</param>
/// <param name="Concurrency">Cells it computes at once.</param>
/// <param name="RunningBySweep">Cells being computed, by sweep.</param>
/// <param name="CellsComputed">Cells computed since the silo started.</param>
/// <param name="CommandsDropped">Cell commands dropped because their sweep was cancelled or redispatched.</param>
/// <param name="IntervalSeconds">Seconds until the next heartbeat; a silo silent for three intervals is gone.</param>
/// <param name="Leaving">True in the last heartbeat of a silo that is shutting down.</param>
public sealed record SiloHeartbeat(
    string Node,
    int Concurrency,
    IReadOnlyDictionary<Guid, int> RunningBySweep,
    long CellsComputed,
    long CommandsDropped,
    double IntervalSeconds,
    bool Leaving);
