using OrleansSweep.Contracts.Grains;
using OrleansSweep.Grains.Hosting;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>The running sweeps, stored so that silos find them again after a whole-cluster restart.</summary>
public sealed class SweepRegistryGrain(
    [PersistentState("registry", StorageNames.Sweeps)] IPersistentState<SweepRegistryRecord> stored) : Grain, ISweepRegistryGrain
{
    public async Task RegisterAsync(Guid sweepId)
    {
        if (!stored.State.Running.Contains(sweepId))
        {
            stored.State.Running.Add(sweepId);
            await stored.WriteStateAsync();
        }
    }

    public async Task UnregisterAsync(Guid sweepId)
    {
        if (stored.State.Running.Remove(sweepId))
        {
            await stored.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<Guid>> RunningAsync() => Task.FromResult<IReadOnlyList<Guid>>([.. stored.State.Running]);
}

/// <summary>The registry's stored state: running sweep ids in start order (a handful, not one per cell).</summary>
[GenerateSerializer, Alias("OrleansSweep.SweepRegistryRecord")]
public sealed class SweepRegistryRecord
{
    [Id(0)]
    public List<Guid> Running { get; set; } = [];
}
