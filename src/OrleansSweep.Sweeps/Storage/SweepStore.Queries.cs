namespace OrleansSweep.Sweeps.Storage;

/// <summary>Queries a cluster coordinator needs on top of the recording API: resume after a restart, status by silo.</summary>
public sealed partial class SweepStore
{
    // Created on first use rather than in StoreSchema: stores written before these options existed stay valid.
    private const string OptionsTable = "CREATE TABLE IF NOT EXISTS sweep_options(sweep_id TEXT PRIMARY KEY, fail_fast INTEGER NOT NULL)";

    /// <summary>The sweeps in <paramref name="state"/> (e.g. "running": the ones a restarted coordinator resumes), oldest first.</summary>
    public IReadOnlyList<StoredSweep> SweepsInState(string state)
    {
        lock (gate)
        {
            using var query = Command(
                "SELECT sweep_id, fingerprint, spec_json, cell_count, state FROM sweeps WHERE state = $state ORDER BY created_utc, sweep_id",
                ("$state", state));
            using var reader = query.ExecuteReader();
            var sweeps = new List<StoredSweep>();
            while (reader.Read())
            {
                sweeps.Add(new StoredSweep(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4)));
            }

            return sweeps;
        }
    }

    /// <summary>Recorded cells of a sweep by the worker (silo) that computed them.</summary>
    public IReadOnlyDictionary<string, int> CountByWorker(Guid sweepId)
    {
        lock (gate)
        {
            using var query = Command("SELECT worker, COUNT(*) FROM cells WHERE sweep_id = $id GROUP BY worker ORDER BY worker", ("$id", sweepId.ToString()));
            using var reader = query.ExecuteReader();
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            while (reader.Read())
            {
                counts[reader.GetString(0)] = reader.GetInt32(1);
            }

            return counts;
        }
    }

    /// <summary>Remembers whether a sweep stops at its first failing cell, so a resumed sweep keeps its mode.</summary>
    public void SetFailFast(Guid sweepId, bool failFast)
    {
        lock (gate)
        {
            using var create = Command(OptionsTable);
            create.ExecuteNonQuery();
            using var upsert = Command(
                "INSERT OR REPLACE INTO sweep_options(sweep_id, fail_fast) VALUES ($id, $ff)", ("$id", sweepId.ToString()), ("$ff", failFast ? 1 : 0));
            upsert.ExecuteNonQuery();
        }
    }

    /// <summary>The mode stored by <see cref="SetFailFast"/>; false when none was stored.</summary>
    public bool IsFailFast(Guid sweepId)
    {
        lock (gate)
        {
            using var create = Command(OptionsTable);
            create.ExecuteNonQuery();
            using var query = Command("SELECT fail_fast FROM sweep_options WHERE sweep_id = $id", ("$id", sweepId.ToString()));
            return query.ExecuteScalar() is long value && value != 0;
        }
    }
}
