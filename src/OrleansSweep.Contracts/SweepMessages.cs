namespace OrleansSweep.Contracts;

/// <summary>Command to the coordinator: start (or resume) the sweep described by a validated spec.</summary>
public sealed record StartSweep(Guid SweepId, string SpecJson, string OutputFolder, bool FailFast);

/// <summary>Command to the coordinator and workers: stop the sweep; running cells observe cancellation.</summary>
public sealed record CancelSweep(Guid SweepId);

/// <summary>Event: every cell of the sweep has a recorded result and the phase map is written.</summary>
public sealed record SweepCompleted(Guid SweepId, int Cells, int Failed, string PhaseMapPath);

/// <summary>Event: the sweep stopped before completion (cancelled or fail-fast).</summary>
public sealed record SweepStopped(Guid SweepId, string Reason);
