using Microsoft.Data.Sqlite;

namespace OrleansSweep.Grains.Storage;

public sealed partial class SqliteGrainStorage
{
    /// <summary>
    /// Applies <paramref name="batch"/> in one transaction. Returns, per change, null when it was committed or the
    /// exception its caller gets: a conflict (stale ETag, insert over a row) fails that change alone; a failing
    /// statement or commit rolls the whole transaction back and fails every change in it.
    /// </summary>
    private Exception?[] CommitBatch(IReadOnlyList<PendingChange> batch)
    {
        var outcomes = new Exception?[batch.Count];
        lock (gate)
        {
            begin.ExecuteNonQuery();
            try
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    outcomes[i] = Apply(batch[i]);
                }

                commit.ExecuteNonQuery();
            }
            catch (Exception exception) when (exception is SqliteException or InvalidOperationException)
            {
                TryRollback();
                Array.Fill(outcomes, exception);
            }
        }

        return outcomes;
    }

    private Orleans.Storage.InconsistentStateException? Apply(PendingChange change)
    {
        SqliteCommand command;
        if (change.Data is null)
        {
            command = delete;
            command.Parameters["$expected"].Value = change.Expected!.Value;
        }
        else if (change.Expected is not { } expected)
        {
            command = insert;
            command.Parameters["$data"].Value = change.Data;
        }
        else
        {
            command = update;
            command.Parameters["$data"].Value = change.Data;
            command.Parameters["$next"].Value = expected + 1;
            command.Parameters["$expected"].Value = expected;
        }

        Bind(command, change.StateName, change.GrainId);
        return command.ExecuteNonQuery() == 1 ? null : Conflict(change.StateName, change.GrainId, change.Expected);
    }

    private void TryRollback()
    {
        try
        {
            rollback.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // SQLite already rolled back (e.g. after SQLITE_FULL): nothing left to undo.
        }
    }
}
