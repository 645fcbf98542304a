using System.Diagnostics;

namespace OrleansSweep.Telemetry;

/// <summary>Where a cell came from, as far as telemetry knows: its sweep's span and how long it waited to start.</summary>
/// <param name="SweepContext">The sweep span's context to link the cell span to; default when unknown.</param>
/// <param name="QueueWait">From dispatch (or the message's sent time) to now; null when unknown.</param>
public readonly record struct CellOrigin(ActivityContext SweepContext, TimeSpan? QueueWait);
