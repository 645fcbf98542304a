using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Serialization;
using Orleans.Storage;

namespace OrleansSweep.Benchmarks.Engine.Storage;

/// <summary>
/// The SQLite grain storage as it was before group commit (commit 1bfb1cb, unchanged but for its name): one
/// transaction per write, each statement parsed anew. The baseline of <see cref="SqliteStorageBenchmarks"/>.
/// </summary>
internal sealed class PerWriteSqliteGrainStorage : IGrainStorage, IDisposable
{
    private readonly SqliteConnection connection;
    private readonly Serializer serializer;
    private readonly Lock gate = new();

    public PerWriteSqliteGrainStorage(OrleansSweep.Grains.Storage.SqliteGrainStorageOptions options, Serializer serializer)
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
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
        Execute("""
            CREATE TABLE IF NOT EXISTS grain_state (
                state_name TEXT NOT NULL,
                grain_id   TEXT NOT NULL,
                etag       INTEGER NOT NULL,
                data       BLOB NOT NULL,
                PRIMARY KEY (state_name, grain_id)) WITHOUT ROWID;
            """);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        lock (gate)
        {
            using var command = Command("SELECT etag, data FROM grain_state WHERE state_name = $name AND grain_id = $id", stateName, grainId);
            using var reader = command.ExecuteReader();
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
        lock (gate)
        {
            long next;
            if (grainState.ETag is null)
            {
                using var insert = Command("INSERT OR IGNORE INTO grain_state (state_name, grain_id, etag, data) VALUES ($name, $id, 1, $data)", stateName, grainId);
                insert.Parameters.AddWithValue("$data", data);
                if (insert.ExecuteNonQuery() != 1)
                {
                    throw Conflict(stateName, grainId, grainState.ETag);
                }

                next = 1;
            }
            else
            {
                var expected = long.Parse(grainState.ETag, CultureInfo.InvariantCulture);
                next = expected + 1;
                using var update = Command("UPDATE grain_state SET etag = $next, data = $data WHERE state_name = $name AND grain_id = $id AND etag = $expected", stateName, grainId);
                update.Parameters.AddWithValue("$data", data);
                update.Parameters.AddWithValue("$next", next);
                update.Parameters.AddWithValue("$expected", expected);
                if (update.ExecuteNonQuery() != 1)
                {
                    throw Conflict(stateName, grainId, grainState.ETag);
                }
            }

            grainState.ETag = next.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        lock (gate)
        {
            if (grainState.ETag is not null)
            {
                using var delete = Command("DELETE FROM grain_state WHERE state_name = $name AND grain_id = $id AND etag = $expected", stateName, grainId);
                delete.Parameters.AddWithValue("$expected", long.Parse(grainState.ETag, CultureInfo.InvariantCulture));
                if (delete.ExecuteNonQuery() != 1)
                {
                    throw Conflict(stateName, grainId, grainState.ETag);
                }
            }

            grainState.ETag = null;
            grainState.State = Activator.CreateInstance<T>();
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
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

    public void Dispose() => connection.Dispose();

    private SqliteCommand Command(string sql, string stateName, GrainId grainId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$name", stateName);
        command.Parameters.AddWithValue("$id", grainId.ToString());
        return command;
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, string? etag) =>
        new($"Stored {stateName} of {grainId} changed since it was read (ETag {etag ?? "none"})", storedEtag: "unknown", currentEtag: etag ?? "none");
}
