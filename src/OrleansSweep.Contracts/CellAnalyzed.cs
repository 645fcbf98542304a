namespace OrleansSweep.Contracts;

/// <summary>Event: a cell finished (successfully or not). Compact: aggregated scalars and short spectra only.</summary>
/// <param name="SweepId">The sweep the cell belongs to.</param>
/// <param name="CellId">The cell's content-addressed id; the coordinator drops duplicates by this id.</param>
/// <param name="CellIndex">Position of the cell in the grid.</param>
/// <param name="Status">"ok", "partial" (some analyses did not converge) or "failed".</param>
/// <param name="Error">The failure or non-convergence reasons, null when none.</param>
/// <param name="Metrics">Aggregated metrics by column name (e.g. lyapunov_max, lyapunov_max_sem); null = missing.</param>
/// <param name="Statuses">Status text per analysis and per theory value (e.g. "converged", "not solved: …"), by column name.</param>
/// <param name="Series">Short per-cell series for long-format tables (e.g. the mean Lyapunov spectrum).</param>
/// <param name="Worker">The worker (silo) that computed it.</param>
/// <param name="DurationSeconds">Wall time spent on the cell (a timing column: excluded from reproducibility checks).</param>
public sealed record CellAnalyzed(
    Guid SweepId,
    string CellId,
    int CellIndex,
    string Status,
    string? Error,
    IReadOnlyDictionary<string, double?> Metrics,
    IReadOnlyDictionary<string, string> Statuses,
    IReadOnlyDictionary<string, double[]> Series,
    string Worker,
    double DurationSeconds);
