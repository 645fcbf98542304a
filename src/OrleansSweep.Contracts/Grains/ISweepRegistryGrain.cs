namespace OrleansSweep.Contracts.Grains;

/// <summary>
/// The cluster's list of running sweeps (a single grain, key 0): silos with free threads look here for sweeps to
/// take cells from. Sweep grains register when they start or resume and leave when they complete or stop.
/// </summary>
[Alias("OrleansSweep.ISweepRegistryGrain")]
public interface ISweepRegistryGrain : IGrainWithIntegerKey
{
    [Alias("Register")]
    Task RegisterAsync(Guid sweepId);

    [Alias("Unregister")]
    Task UnregisterAsync(Guid sweepId);

    /// <summary>The running sweeps, oldest first.</summary>
    [Alias("Running"), ReadOnly]
    Task<IReadOnlyList<Guid>> RunningAsync();
}
