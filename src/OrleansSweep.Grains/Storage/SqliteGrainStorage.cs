using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Serialization;
using Orleans.Storage;

namespace OrleansSweep.Grains.Storage;

/// <summary>
/// Grain storage in one SQLite file (WAL): the embedded default's durable store, since Orleans ships none that works
/// without a server. One row per (state name, grain id) with an integer ETag for optimistic concurrency.
/// </summary>
/// <remarks>
/// <para>Follows Orleans' storage contract: a write with a stale ETag, or an insert over an existing row, throws
/// <see cref="InconsistentStateException"/>; a missing row reads as <c>RecordExists = false</c> with a null ETag; a clear
/// deletes the row and resets the state. States are stored with Orleans' own serializer, so the same
/// [GenerateSerializer] types serve the wire and the store.</para>
/// <para>Writes and clears are group-committed (<see cref="SqliteGroupCommit"/>): the ones that queue while a commit
/// is running share the next transaction, and each one's task completes only after the transaction that holds it has
/// committed. So "stored before reported" holds as with one transaction per write, and a <c>kill -9</c> loses nothing
/// acknowledged (WAL with synchronous=NORMAL survives a process crash; a power cut may lose the last transactions,
/// which the sweep then recomputes, bit-identically). The statements are prepared once and reused.</para>
/// </remarks>
public sealed partial class SqliteGrainStorage : IGrainStorage, IDisposable
{
    private readonly SqliteConnection connection;
    private readonly Serializer serializer;
    private readonly Lock gate = new(); // the connection: one statement or transaction at a time
    private readonly SqliteGroupCommit commits;
    private readonly SqliteCommand select;
    private readonly SqliteCommand insert;
    private readonly SqliteCommand update;
    private readonly SqliteCommand delete;
    private readonly SqliteCommand begin;
    private readonly SqliteCommand commit;
    private readonly SqliteCommand rollback;

    public SqliteGrainStorage(SqliteGrainStorageOptions options, Serializer serializer)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.serializer = serializer;
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = options.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        // A page cache and a memory map larger than SQLite's 2 MB default: a sweep's rows outgrow it within ~10,000
        // cells, and each cell's read of its missing state then went to the kernel (pread was 11% of the silo's CPU).
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;");
        Execute("""
            CREATE TABLE IF NOT EXISTS grain_state (
                state_name TEXT NOT NULL,
                grain_id   TEXT NOT NULL,
                etag       INTEGER NOT NULL,
                data       BLOB NOT NULL,
                PRIMARY KEY (state_name, grain_id)) WITHOUT ROWID;
            """);
        select = Prepare("SELECT etag, data FROM grain_state WHERE state_name = $name AND grain_id = $id", "$name", "$id");
        insert = Prepare("INSERT OR IGNORE INTO grain_state (state_name, grain_id, etag, data) VALUES ($name, $id, 1, $data)", "$name", "$id", "$data");
        update = Prepare("UPDATE grain_state SET etag = $next, data = $data WHERE state_name = $name AND grain_id = $id AND etag = $expected",
            "$name", "$id", "$data", "$next", "$expected");
        delete = Prepare("DELETE FROM grain_state WHERE state_name = $name AND grain_id = $id AND etag = $expected", "$name", "$id", "$expected");
        begin = Prepare("BEGIN IMMEDIATE");
        commit = Prepare("COMMIT");
        rollback = Prepare("ROLLBACK");
        commits = new SqliteGroupCommit(CommitBatch, options.MaxBatch);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        lock (gate)
        {
            Bind(select, stateName, grainId);
            using var reader = select.ExecuteReader();
            if (reader.Read())
            {
                grainState.ETag = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
                grainState.State = serializer.Deserialize<T>((byte[])reader.GetValue(1));
                grainState.RecordExists = true;
            }
            else
            {
                grainState.ETag = null;
                grainState.State = Activator.CreateInstance<T>();
                grainState.RecordExists = false;
            }
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var data = serializer.SerializeToArray(grainState.State);
        var expected = grainState.ETag is null ? (long?)null : long.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        return commits.Submit(new PendingChange(stateName, grainId, data, expected, Committed: () =>
        {
            grainState.ETag = ((expected ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }));
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        void Reset()
        {
            grainState.ETag = null;
            grainState.State = Activator.CreateInstance<T>();
            grainState.RecordExists = false;
        }

        if (grainState.ETag is null)
        {
            Reset(); // nothing stored by this state: nothing to delete
            return Task.CompletedTask;
        }

        var expected = long.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        return commits.Submit(new PendingChange(stateName, grainId, Data: null, expected, Committed: Reset));
    }

    /// <summary>Rows stored under <paramref name="stateName"/> (progress displays and tests).</summary>
    public long Count(string stateName)
    {
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM grain_state WHERE state_name = $name";
            command.Parameters.AddWithValue("$name", stateName);
            return (long)command.ExecuteScalar()!;
        }
    }

    /// <summary>Transactions committed so far (each holds one or more writes; tests and benchmarks).</summary>
    public long Transactions => commits.Transactions;

    public void Dispose()
    {
        commits.Dispose(); // waits for the commit in progress; later submissions fail
        lock (gate)
        {
            foreach (var command in new[] { select, insert, update, delete, begin, commit, rollback })
            {
                command.Dispose();
            }

            connection.Dispose();
        }
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters["$name"].Value = stateName;
        command.Parameters["$id"].Value = grainId.ToString();
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, long? etag) =>
        new($"Stored {stateName} of {grainId} changed since it was read (ETag {etag?.ToString(CultureInfo.InvariantCulture) ?? "none"})",
            storedEtag: "unknown", currentEtag: etag?.ToString(CultureInfo.InvariantCulture) ?? "none");
}
