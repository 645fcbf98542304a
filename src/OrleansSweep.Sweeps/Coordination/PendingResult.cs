using OrleansSweep.Contracts;

namespace OrleansSweep.Sweeps.Coordination;

/// <summary>A result waiting for its batch to be committed.</summary>
internal sealed record PendingResult(CellAnalyzed Result, TaskCompletionSource Durable);
