namespace OrleansSweep.Sweeps.Storage;

/// <summary>The SQL of the durable store, in one place.</summary>
internal static class StoreSchema
{
    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";

    public const string Tables = """
        CREATE TABLE IF NOT EXISTS sweeps(
            sweep_id TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            spec_json TEXT NOT NULL,
            cell_count INTEGER NOT NULL,
            state TEXT NOT NULL DEFAULT 'running',
            created_utc TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS cells(
            sweep_id TEXT NOT NULL,
            cell_id TEXT NOT NULL,
            cell_index INTEGER NOT NULL,
            status TEXT NOT NULL,
            error TEXT,
            metrics_json TEXT NOT NULL,
            statuses_json TEXT NOT NULL,
            series_json TEXT NOT NULL,
            worker TEXT NOT NULL,
            duration_seconds REAL NOT NULL,
            recorded_utc TEXT NOT NULL,
            PRIMARY KEY(sweep_id, cell_id));
        """;

    public const string InsertCell = """
        INSERT OR IGNORE INTO cells(sweep_id, cell_id, cell_index, status, error, metrics_json, statuses_json, series_json, worker, duration_seconds, recorded_utc)
        VALUES ($sweep, $cell, $index, $status, $error, $metrics, $statuses, $series, $worker, $duration, $recorded)
        """;

    public const string SelectCells = """
        SELECT cell_id, cell_index, status, error, metrics_json, statuses_json, series_json, worker, duration_seconds
        FROM cells WHERE sweep_id = $id ORDER BY cell_index
        """;
}
