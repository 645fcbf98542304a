using OrleansSweep.Grains.Sweeps;

namespace OrleansSweep.Grains.Tests.Sweeps;

public sealed class ProgressBitmapTests
{
    [Fact]
    public void A_cell_is_counted_once_however_often_it_is_marked()
    {
        var progress = new ProgressBitmap(10);

        Assert.True(progress.MarkDone(3, hasFailed: true));
        Assert.False(progress.MarkDone(3, hasFailed: true));
        Assert.False(progress.MarkDone(3, hasFailed: false));

        Assert.Equal((1, 1), (progress.Done, progress.Failed));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(20000)]
    public void Shards_round_trip_every_done_and_failed_bit(int total)
    {
        var random = new Random(total);
        var source = new ProgressBitmap(total);
        var marked = Enumerable.Range(0, total).Where(_ => random.NextDouble() < 0.3).ToList();
        foreach (var index in marked)
        {
            source.MarkDone(index, hasFailed: index % 7 == 0);
        }

        var restored = new ProgressBitmap(total);
        foreach (var (shard, content) in source.TakeDirty())
        {
            restored.Load(shard, content);
        }

        Assert.Equal((source.Done, source.Failed), (restored.Done, restored.Failed));
        Assert.All(Enumerable.Range(0, total), i => Assert.Equal(source.IsDone(i), restored.IsDone(i)));
        Assert.Equal(0, source.DirtyCount);
        Assert.Equal(0, restored.DirtyCount);
    }

    [Fact]
    public void Only_shards_changed_since_the_last_flush_are_written_again()
    {
        var progress = new ProgressBitmap(3 * ProgressBitmap.CellsPerShard);
        progress.MarkDone(0, false);
        progress.MarkDone(2 * ProgressBitmap.CellsPerShard, false);
        Assert.Equal([0, 2], progress.TakeDirty().Select(d => d.Shard));

        progress.MarkDone(1, false);
        progress.MarkDone(1, false);

        Assert.Equal([0], progress.TakeDirty().Select(d => d.Shard));
        Assert.Empty(progress.TakeDirty());
    }
}
