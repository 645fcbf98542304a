namespace OrleansSweep.Grains.Storage;

/// <summary>
/// Group commit: changes that arrive while a transaction is being committed wait and go together into the next one.
/// Each change's task completes only after the transaction that holds it has committed (or fails with it).
/// </summary>
/// <remarks>
/// Leader and followers, as in database group commit: a caller that finds no commit running commits the queue
/// itself, inline, so a lone write costs no thread hop (the common case at one cell at a time); callers that arrive
/// meanwhile queue. If more queued during the leader's commit, a pool thread commits them, so no caller is held
/// committing other callers' writes. Why it pays: with WAL each transaction appends its changed pages and a commit
/// frame, so N cells stored in one transaction write their shared B-tree pages once instead of N times.
/// </remarks>
internal sealed class SqliteGroupCommit(Func<IReadOnlyList<PendingChange>, Exception?[]> commitBatch, int maxBatch) : IDisposable
{
    private readonly Lock sync = new();
    private readonly int maxBatch = Math.Max(1, maxBatch);
    private List<Entry> queue = [];
    private bool committing;
    private bool disposed;
    private long transactions;

    /// <summary>Transactions committed so far.</summary>
    public long Transactions => Interlocked.Read(ref transactions);

    /// <summary>Queues <paramref name="change"/>; the task completes once it is committed.</summary>
    public Task Submit(PendingChange change)
    {
        var entry = new Entry(change, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (sync)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            queue.Add(entry);
            if (committing)
            {
                return entry.Completion.Task; // a leader is committing: this change goes into the next transaction
            }

            committing = true;
        }

        CommitQueued(); // this caller leads: its own change is in the batch
        if (!TryStop())
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => Drain(), null); // others queued meanwhile: a pool thread goes on
        }

        return entry.Completion.Task;
    }

    public void Dispose()
    {
        lock (sync)
        {
            disposed = true;
        }

        // Let a commit in progress finish: its callers are told the truth about their writes.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            lock (sync)
            {
                if (!committing)
                {
                    break;
                }
            }

            Thread.Sleep(1);
        }

        List<Entry> left;
        lock (sync)
        {
            left = queue;
            queue = [];
        }

        foreach (var entry in left)
        {
            entry.Completion.TrySetException(new ObjectDisposedException(nameof(SqliteGrainStorage)));
        }
    }

    private void Drain()
    {
        do
        {
            CommitQueued();
        }
        while (!TryStop());
    }

    /// <summary>Ends this leader's turn when nothing is queued; false when there is more to commit.</summary>
    private bool TryStop()
    {
        lock (sync)
        {
            if (queue.Count == 0)
            {
                committing = false;
                return true;
            }

            return false;
        }
    }

    private void CommitQueued()
    {
        List<Entry> batch;
        lock (sync)
        {
            if (queue.Count <= maxBatch)
            {
                batch = queue;
                queue = [];
            }
            else
            {
                batch = queue.GetRange(0, maxBatch);
                queue.RemoveRange(0, maxBatch);
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        Exception?[] outcomes;
        try
        {
            outcomes = commitBatch(batch.ConvertAll(e => e.Change));
            if (Array.Exists(outcomes, o => o is null))
            {
                Interlocked.Increment(ref transactions);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            outcomes = new Exception?[batch.Count];
            Array.Fill(outcomes, exception);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is { } failure)
            {
                batch[i].Completion.TrySetException(failure);
            }
            else
            {
                batch[i].Change.Committed();
                batch[i].Completion.TrySetResult();
            }
        }
    }

    private sealed record Entry(PendingChange Change, TaskCompletionSource Completion);
}
