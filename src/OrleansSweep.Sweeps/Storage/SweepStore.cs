using Microsoft.Data.Sqlite;
using OrleansSweep.Contracts;

namespace OrleansSweep.Sweeps.Storage;

/// <summary>
/// The coordinator's durable store: one row per (sweep, cell), written as soon as a result arrives, so a crash,
/// a kill or Ctrl-C loses nothing and a re-run computes only the missing cells.
/// </summary>
/// <remarks>
/// SQLite in WAL mode with <c>synchronous=FULL</c>: a committed batch survives a process kill (and power loss).
/// The primary key (sweep_id, cell_id) with <c>INSERT OR IGNORE</c> is what makes results exactly-once under
/// at-least-once delivery: a redelivered or recomputed cell is dropped, never counted twice.
/// One instance per process; calls are serialised internally.
/// </remarks>
public sealed partial class SweepStore : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly Lock gate = new();
    private SqliteCommand? insert; // prepared on the first batch, reused for every later one

    private SweepStore(SqliteConnection connection) => this.connection = connection;

    /// <summary>Opens (creating when missing) the store at <paramref name="path"/>.</summary>
    public static SweepStore Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, StoreSchema.Pragmas);
        Execute(connection, StoreSchema.Tables);
        return new SweepStore(connection);
    }

    /// <summary>Registers a sweep, or checks that an existing one has the same fingerprint.</summary>
    /// <exception cref="InvalidOperationException">The id is already used by a sweep with another fingerprint.</exception>
    public void EnsureSweep(Guid sweepId, string fingerprint, string specJson, int cellCount)
    {
        lock (gate)
        {
            using var insert = Command(
                "INSERT OR IGNORE INTO sweeps(sweep_id, fingerprint, spec_json, cell_count, created_utc) VALUES ($id, $fp, $spec, $cells, $now)",
                ("$id", sweepId.ToString()), ("$fp", fingerprint), ("$spec", specJson), ("$cells", cellCount), ("$now", DateTime.UtcNow.ToString("O")));
            insert.ExecuteNonQuery();
            using var check = Command("SELECT fingerprint FROM sweeps WHERE sweep_id = $id", ("$id", sweepId.ToString()));
            var stored = (string)check.ExecuteScalar()!;
            if (stored != fingerprint)
            {
                throw new InvalidOperationException($"Sweep {sweepId} already exists with another spec (fingerprint {stored}).");
            }
        }
    }

    /// <summary>The stored spec of a sweep, or null when the store does not know it.</summary>
    public StoredSweep? FindSweep(Guid sweepId)
    {
        lock (gate)
        {
            using var query = Command("SELECT fingerprint, spec_json, cell_count, state FROM sweeps WHERE sweep_id = $id", ("$id", sweepId.ToString()));
            using var reader = query.ExecuteReader();
            return reader.Read()
                ? new StoredSweep(sweepId, reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3))
                : null;
        }
    }

    /// <summary>Marks a sweep running, completed, cancelled or failed.</summary>
    public void SetState(Guid sweepId, string state)
    {
        lock (gate)
        {
            using var update = Command("UPDATE sweeps SET state = $state WHERE sweep_id = $id", ("$state", state), ("$id", sweepId.ToString()));
            update.ExecuteNonQuery();
        }
    }

    /// <summary>The ids of cells that already have a result.</summary>
    public IReadOnlySet<string> CompletedCellIds(Guid sweepId)
    {
        lock (gate)
        {
            using var query = Command("SELECT cell_id FROM cells WHERE sweep_id = $id", ("$id", sweepId.ToString()));
            using var reader = query.ExecuteReader();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }
    }

    /// <summary>
    /// Records a batch of results in one transaction. Returns the results that were new; duplicates (same sweep
    /// and cell id) are dropped.
    /// </summary>
    public IReadOnlyList<CellAnalyzed> Record(IReadOnlyList<CellAnalyzed> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var inserted = new List<CellAnalyzed>(results.Count);
        lock (gate)
        {
            using var transaction = connection.BeginTransaction();
            insert ??= StoredResultCodec.CreateInsert(connection);
            insert.Transaction = transaction;
            var recordedUtc = StoredResultCodec.Timestamp(DateTime.UtcNow);
            foreach (var result in results)
            {
                StoredResultCodec.Bind(insert, result, recordedUtc);
                if (insert.ExecuteNonQuery() == 1)
                {
                    inserted.Add(result);
                }
            }

            transaction.Commit();
        }

        return inserted;
    }

    /// <summary>All recorded results of a sweep, in cell order.</summary>
    public IReadOnlyList<CellAnalyzed> Results(Guid sweepId)
    {
        lock (gate)
        {
            using var query = Command(StoreSchema.SelectCells, ("$id", sweepId.ToString()));
            using var reader = query.ExecuteReader();
            var results = new List<CellAnalyzed>();
            while (reader.Read())
            {
                results.Add(StoredResultCodec.Read(sweepId, reader));
            }

            return results;
        }
    }

    /// <summary>Counts of recorded cells by status.</summary>
    public IReadOnlyDictionary<string, int> CountByStatus(Guid sweepId)
    {
        lock (gate)
        {
            using var query = Command("SELECT status, COUNT(*) FROM cells WHERE sweep_id = $id GROUP BY status", ("$id", sweepId.ToString()));
            using var reader = query.ExecuteReader();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            while (reader.Read())
            {
                counts[reader.GetString(0)] = reader.GetInt32(1);
            }

            return counts;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            insert?.Dispose();
            connection.Dispose();
        }
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>What the store knows of a sweep.</summary>
public sealed record StoredSweep(Guid SweepId, string Fingerprint, string SpecJson, int CellCount, string State);
