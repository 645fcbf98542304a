namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// What validation assumes about the machine that runs the cells: how many run at once (one per core) and how much
/// memory it has. Tests pass a fixed profile; the loader defaults to <see cref="Current"/>.
/// </summary>
public sealed record MachineProfile(int ProcessorCount, long TotalMemoryBytes)
{
    /// <summary>Share of the machine's memory a sweep may use when the spec gives no <c>memoryLimitGb</c>.</summary>
    public const double DefaultMemoryFraction = 0.75;

    /// <summary>This process's view: <see cref="Environment.ProcessorCount"/> and the GC's total available memory.</summary>
    public static MachineProfile Current =>
        new(Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    /// <summary>75 % of <see cref="TotalMemoryBytes"/>.</summary>
    public long DefaultMemoryLimitBytes => (long)(DefaultMemoryFraction * TotalMemoryBytes);
}
