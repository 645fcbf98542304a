using Orleans.Storage;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// A plain grid sweep: ordinal = grid index, progress a <see cref="ProgressBitmap"/> stored in shards of their own
/// (written when changed, so storage grows linearly with the cells and no write grows with the sweep).
/// </summary>
internal sealed class GridSchedule(SweepPlan plan, IGrainStorage shardStorage, Guid sweepId) : ISweepSchedule
{
    private const string ShardStateName = "progress";

    private readonly ProgressBitmap progress = new(plan.Cells.Count);
    private readonly Dictionary<int, string?> shardETags = [];

    public int Count => plan.Cells.Count;

    public int Done => progress.Done;

    public int Failed => progress.Failed;

    public int Resumed { get; private set; }

    public bool IsComplete => progress.IsComplete;

    public PlannedCell CellAt(int ordinal) => plan.Cells[ordinal];

    public bool IsDone(int ordinal) => progress.IsDone(ordinal);

    public bool TryFind(int cellIndex, string cellId, out int ordinal)
    {
        ordinal = cellIndex;
        return cellIndex >= 0 && cellIndex < plan.Cells.Count && plan.Cells[cellIndex].Command.CellId == cellId;
    }

    public bool TryCount(int ordinal, CellAnalyzed result) => progress.MarkDone(ordinal, result.Status == "failed");

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        for (var shard = 0; shard < progress.ShardCount; shard++)
        {
            var state = new GrainState<ProgressShard>(new ProgressShard());
            await shardStorage.ReadStateAsync(ShardStateName, ShardId(shard), state, cancellationToken);
            shardETags[shard] = state.ETag;
            if (state is { RecordExists: true, State: { } content })
            {
                progress.Load(shard, content);
            }
        }

        Resumed = progress.Done;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (progress.DirtyCount == 0)
        {
            return;
        }

        foreach (var (shard, content) in progress.TakeDirty())
        {
            var state = new GrainState<ProgressShard>(content) { ETag = shardETags.GetValueOrDefault(shard) };
            try
            {
                await shardStorage.WriteStateAsync(ShardStateName, ShardId(shard), state, cancellationToken);
                shardETags[shard] = state.ETag;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                progress.MarkDirty(shard); // written at the next tick; until then the cells are counted in memory only
                throw;
            }
        }
    }

    /// <summary>A storage key of its own per shard, so any provider (SQLite, Redis) keeps the shards apart.</summary>
    private GrainId ShardId(int shard) => GrainId.Create("sweep-progress", $"{sweepId:N}-{shard}");
}
