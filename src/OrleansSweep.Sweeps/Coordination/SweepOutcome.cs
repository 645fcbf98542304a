namespace OrleansSweep.Sweeps.Coordination;

/// <summary>How a sweep ended: completed with its phase map, or stopped with a reason.</summary>
public sealed record SweepOutcome(Guid SweepId, bool Completed, int Cells, int Failed, string? PhaseMapPath, string? StopReason);
