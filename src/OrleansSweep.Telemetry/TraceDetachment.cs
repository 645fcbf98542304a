using System.Diagnostics;

namespace OrleansSweep.Telemetry;

/// <summary>Restores the ambient span cleared by <see cref="SweepTelemetry.DetachTrace"/>.</summary>
/// <remarks>
/// Dispose it in the same async flow that detached (a <c>using</c> in the same method): <see cref="Activity.Current"/>
/// is an async-local, so a dispose elsewhere would restore the span in the wrong flow.
/// </remarks>
public readonly struct TraceDetachment : IDisposable
{
    private readonly Activity? ambient;

    internal TraceDetachment(Activity? ambient) => this.ambient = ambient;

    public void Dispose() => Activity.Current = ambient;
}
