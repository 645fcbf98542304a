using OrleansSweep.Grains.Storage;

namespace OrleansSweep.Grains.Tests.Storage;

/// <summary>Group commit: what queues during a commit shares the next transaction; nothing completes before its commit.</summary>
public sealed class SqliteGroupCommitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Writes_queued_during_a_commit_share_the_next_transaction_and_complete_only_after_it()
    {
        var batches = new List<string[]>();
        using var firstCommitEntered = new ManualResetEventSlim();
        using var releaseFirst = new ManualResetEventSlim();
        using var secondCommitEntered = new ManualResetEventSlim();
        using var releaseSecond = new ManualResetEventSlim();
        Exception?[] Commit(IReadOnlyList<PendingChange> batch)
        {
            lock (batches)
            {
                batches.Add([.. batch.Select(c => c.StateName)]);
            }

            var (entered, release) = batches.Count == 1 ? (firstCommitEntered, releaseFirst) : (secondCommitEntered, releaseSecond);
            entered.Set();
            Assert.True(release.Wait(Patience));
            return new Exception?[batch.Count];
        }

        using var commits = new SqliteGroupCommit(Commit, maxBatch: 16);
        var committed = new List<string>();
        var leader = Task.Run(() => commits.Submit(Change("a", committed)));
        Assert.True(firstCommitEntered.Wait(Patience));
        var b = commits.Submit(Change("b", committed));
        var c = commits.Submit(Change("c", committed));
        Assert.False(b.IsCompleted);

        releaseFirst.Set();
        await leader.WaitAsync(Patience);
        Assert.True(secondCommitEntered.Wait(Patience));
        Assert.False(b.IsCompleted); // queued, in a transaction that has not committed yet
        Assert.False(c.IsCompleted);

        releaseSecond.Set();
        await Task.WhenAll(b, c).WaitAsync(Patience);
        Assert.Equal([["a"], ["b", "c"]], batches);
        Assert.Equal(["a", "b", "c"], committed);
        Assert.Equal(2, commits.Transactions);
    }

    [Fact]
    public async Task A_failed_change_fails_alone_and_a_failed_transaction_fails_every_change_in_it()
    {
        var calls = 0;
        Exception?[] Commit(IReadOnlyList<PendingChange> batch)
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                return [.. batch.Select(c => c.StateName == "stale" ? new InvalidOperationException("conflict") : null)];
            }

            throw new IOException("disk full");
        }

        using var commits = new SqliteGroupCommit(Commit, maxBatch: 16);
        var committed = new List<string>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => commits.Submit(Change("stale", committed)));
        await Assert.ThrowsAsync<IOException>(() => commits.Submit(Change("next", committed)));

        Assert.Empty(committed); // neither ran its committed step
        Assert.Equal(0, commits.Transactions);
    }

    [Fact]
    public async Task A_batch_never_exceeds_its_bound()
    {
        var sizes = new List<int>();
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        Exception?[] Commit(IReadOnlyList<PendingChange> batch)
        {
            lock (sizes)
            {
                sizes.Add(batch.Count);
            }

            entered.Set();
            Assert.True(release.Wait(Patience));
            return new Exception?[batch.Count];
        }

        using var commits = new SqliteGroupCommit(Commit, maxBatch: 3);
        var committed = new List<string>();
        var leader = Task.Run(() => commits.Submit(Change("leader", committed)));
        Assert.True(entered.Wait(Patience));
        var queued = Enumerable.Range(0, 7).Select(i => commits.Submit(Change($"w{i}", committed))).ToList();
        release.Set();

        await Task.WhenAll(queued.Append(leader)).WaitAsync(Patience);
        Assert.Equal([1, 3, 3, 1], sizes);
        Assert.Equal(8, committed.Count);
    }

    private static PendingChange Change(string name, List<string> committed) =>
        new(name, GrainId.Create("cell", name), [1], Expected: null, Committed: () =>
        {
            lock (committed)
            {
                committed.Add(name);
            }
        });
}
