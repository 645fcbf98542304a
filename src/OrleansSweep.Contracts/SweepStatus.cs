namespace OrleansSweep.Contracts;

/// <summary>Request to the coordinator: how far is the sweep? Answered with a <see cref="SweepStatus"/>.</summary>
public sealed record GetSweepStatus(Guid SweepId);

/// <summary>A sweep's progress as the coordinator sees it (its durable store plus the silos' heartbeats).</summary>
/// <param name="SweepId">The sweep.</param>
/// <param name="State">"unknown" (the coordinator never saw it), "running", "completed", "cancelled" or "failed".</param>
/// <param name="Name">The spec's name; null when unknown.</param>
/// <param name="Total">Cells in the sweep.</param>
/// <param name="Done">Cells with a durable result (failed ones included).</param>
/// <param name="Failed">Cells recorded as "failed" (their errors are in the store and the phase map).</param>
/// <param name="Running">Cells being computed right now, summed over the silos' last heartbeats (an estimate,
/// at most one heartbeat interval old).</param>
/// <param name="CellsPerSecond">Cells recorded per second by this coordinator run (resumed cells excluded).</param>
/// <param name="EtaSeconds">Estimated seconds to completion at that rate; null before the first result.</param>
/// <param name="CellsBySilo">Recorded cells by the silo that computed them (<see cref="CellAnalyzed.Worker"/>).</param>
/// <param name="Silos">The worker silos that sent a heartbeat recently.</param>
/// <param name="Resumed">Cells that already had a stored result when this coordinator run started the sweep.</param>
/// <param name="Dispatched">Cell commands this coordinator run sent (only cells without a stored result are sent).</param>
/// <param name="Recorded">Results this coordinator run made durable.</param>
/// <param name="DuplicatesDropped">Results dropped by cell id because the cell was already stored (redeliveries).</param>
/// <param name="Reason">Why the sweep stopped or was rejected; null while running or once completed.</param>
/// <param name="StartedUtc">When this coordinator run started (or resumed) the sweep.</param>
/// <param name="Coordinator">The coordinator silo that answered.</param>
public sealed record SweepStatus(
    Guid SweepId,
    string State,
    string? Name,
    int Total,
    int Done,
    int Failed,
    int Running,
    double CellsPerSecond,
    double? EtaSeconds,
    IReadOnlyDictionary<string, int> CellsBySilo,
    IReadOnlyList<SiloSummary> Silos,
    int Resumed,
    int Dispatched,
    int Recorded,
    int DuplicatesDropped,
    string? Reason,
    DateTime StartedUtc,
    string Coordinator);

/// <summary>One worker silo as of its last heartbeat.</summary>
/// <param name="Node">The silo's name.</param>
/// <param name="Concurrency">Cells it computes at once.</param>
/// <param name="RunningCells">Cells it was computing (all sweeps).</param>
/// <param name="CellsComputed">Cells it computed since it started (all sweeps; recomputations included).</param>
/// <param name="SecondsSinceHeartbeat">Age of that heartbeat at the coordinator.</param>
public sealed record SiloSummary(string Node, int Concurrency, int RunningCells, long CellsComputed, double SecondsSinceHeartbeat);
