namespace OrleansSweep.Contracts;

/// <summary>Event: a cell finished (successfully or not). Compact: aggregated scalars and short spectra only.</summary>
/// <param name="SweepId">The sweep the cell was computed for (a reused result is re-addressed to the asking sweep).</param>
/// <param name="CellId">The cell's content-addressed id; the sweep grain counts each once.</param>
/// <param name="CellIndex">Position of the cell in the grid.</param>
/// <param name="Status">"ok", "partial" (some analyses did not converge) or "failed".</param>
/// <param name="Error">The failure or non-convergence reasons, null when none.</param>
/// <param name="Metrics">Aggregated metrics by column name (e.g. lyapunov_max, lyapunov_max_sem); null = missing.</param>
/// <param name="Statuses">Status text per analysis and per theory value (e.g. "converged", "not solved: …"), by column name.</param>
/// <param name="Series">Short per-cell series for long-format tables (e.g. the mean Lyapunov spectrum).</param>
/// <param name="Worker">The silo that computed it.</param>
/// <param name="DurationSeconds">Wall time spent on the cell (a timing column: excluded from reproducibility checks).</param>
[GenerateSerializer, Immutable, Alias("OrleansSweep.CellAnalyzed")]
public sealed record CellAnalyzed(
    [property: Id(0)] Guid SweepId,
    [property: Id(1)] string CellId,
    [property: Id(2)] int CellIndex,
    [property: Id(3)] string Status,
    [property: Id(4)] string? Error,
    [property: Id(5)] IReadOnlyDictionary<string, double?> Metrics,
    [property: Id(6)] IReadOnlyDictionary<string, string> Statuses,
    [property: Id(7)] IReadOnlyDictionary<string, double[]> Series,
    [property: Id(8)] string Worker,
    [property: Id(9)] double DurationSeconds);
