using System.Collections;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// Which cells of a sweep are counted (a bit per cell, so a repeated report is never counted twice) and which
/// failed, with the shards changed since they were last stored.
/// </summary>
public sealed class ProgressBitmap
{
    /// <summary>Cells per stored shard.</summary>
    public const int CellsPerShard = 4096;

    private readonly BitArray done;
    private readonly BitArray failed;
    private readonly HashSet<int> dirty = [];

    public ProgressBitmap(int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        Total = total;
        done = new BitArray(total);
        failed = new BitArray(total);
    }

    public int Total { get; }

    public int Done { get; private set; }

    public int Failed { get; private set; }

    public int ShardCount => (Total + CellsPerShard - 1) / CellsPerShard;

    public bool IsComplete => Done >= Total;

    /// <summary>Shards changed since <see cref="TakeDirty"/> was last called.</summary>
    public int DirtyCount => dirty.Count;

    public bool IsDone(int index) => done[index];

    /// <summary>Counts the cell; false when it was already counted.</summary>
    public bool MarkDone(int index, bool hasFailed)
    {
        if (done[index])
        {
            return false;
        }

        done[index] = true;
        Done++;
        if (hasFailed)
        {
            failed[index] = true;
            Failed++;
        }

        dirty.Add(index / CellsPerShard);
        return true;
    }

    /// <summary>The changed shards, to store; they count as clean afterwards.</summary>
    public IReadOnlyList<(int Shard, ProgressShard Content)> TakeDirty()
    {
        var shards = dirty.Order().Select(s => (s, Export(s))).ToList();
        dirty.Clear();
        return shards;
    }

    /// <summary>Marks a shard changed again (its write failed).</summary>
    public void MarkDirty(int shard) => dirty.Add(shard);

    /// <summary>Restores a stored shard (at activation).</summary>
    public void Load(int shard, ProgressShard content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var first = shard * CellsPerShard;
        var count = Math.Min(CellsPerShard, Total - first);
        for (var i = 0; i < count; i++)
        {
            if (Bit(content.Done, i) && !done[first + i])
            {
                MarkDone(first + i, Bit(content.Failed, i));
            }
        }

        dirty.Remove(shard);
    }

    private ProgressShard Export(int shard)
    {
        var first = shard * CellsPerShard;
        var count = Math.Min(CellsPerShard, Total - first);
        var doneBytes = new byte[(count + 7) / 8];
        var failedBytes = new byte[(count + 7) / 8];
        for (var i = 0; i < count; i++)
        {
            if (done[first + i])
            {
                doneBytes[i / 8] |= (byte)(1 << (i % 8));
            }

            if (failed[first + i])
            {
                failedBytes[i / 8] |= (byte)(1 << (i % 8));
            }
        }

        return new ProgressShard { Done = doneBytes, Failed = failedBytes };
    }

    private static bool Bit(byte[] bytes, int i) => i / 8 < bytes.Length && (bytes[i / 8] & (1 << (i % 8))) != 0;
}
