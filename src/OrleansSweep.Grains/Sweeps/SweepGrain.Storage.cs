using Microsoft.Extensions.DependencyInjection;
using OrleansSweep.Grains.Hosting;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Specs;
using Orleans.Storage;

namespace OrleansSweep.Grains.Sweeps;

public sealed partial class SweepGrain
{
    private readonly Dictionary<int, string?> shardETags = [];

    /// <summary>Expands the grid from the stored spec and restores the counted cells from the progress shards.</summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var sweep = SpecLoader.Parse(record.State.SpecJson!, $"sweep {SweepId}");
        plan = SweepPlanner.Plan(sweep, outputFolder: string.Empty, cancellationToken);
        progress = new ProgressBitmap(plan.Cells.Count);
        var storage = ShardStorage();
        for (var shard = 0; shard < progress.ShardCount; shard++)
        {
            var state = new GrainState<ProgressShard>(new ProgressShard());
            await storage.ReadStateAsync(ShardStateName, ShardId(shard), state, cancellationToken);
            shardETags[shard] = state.ETag;
            if (state is { RecordExists: true, State: { } content })
            {
                progress.Load(shard, content);
            }
        }

        resumed = progress.Done;
        countedHere = 0;
        cursor = 0;
        startedUtc = DateTime.UtcNow;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (progress is not { DirtyCount: > 0 })
        {
            return;
        }

        var storage = ShardStorage();
        foreach (var (shard, content) in progress.TakeDirty())
        {
            var state = new GrainState<ProgressShard>(content) { ETag = shardETags.GetValueOrDefault(shard) };
            try
            {
                await storage.WriteStateAsync(ShardStateName, ShardId(shard), state, cancellationToken);
                shardETags[shard] = state.ETag;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                progress.MarkDirty(shard); // written at the next tick; until then the cells are counted in memory only
                throw;
            }
        }
    }

    private const string ShardStateName = "progress";

    private IGrainStorage ShardStorage() => ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Sweeps);

    /// <summary>A storage key of its own per shard, so any provider (SQLite, Redis) keeps the shards apart.</summary>
    private GrainId ShardId(int shard) => GrainId.Create("sweep-progress", $"{SweepId:N}-{shard}");
}
