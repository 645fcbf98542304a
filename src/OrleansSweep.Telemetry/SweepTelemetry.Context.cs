using System.Diagnostics;

namespace OrleansSweep.Telemetry;

public static partial class SweepTelemetry
{
    private static readonly AsyncLocal<Delivery?> CurrentDelivery = new();

    /// <summary>Remembers, for this process, the context of a sweep's span (overwrites: a resumed sweep has a new span).</summary>
    public static void RememberSweep(Guid sweepId, ActivityContext sweepContext) => SweepRegistry.Remember(sweepId, sweepContext);

    /// <summary>Forgets a sweep that stopped here (a resubmission of the same sweep id gets a new span).</summary>
    public static void ForgetSweep(Guid sweepId) => SweepRegistry.Forget(sweepId);

    /// <summary>The remembered context of the sweep's span; default when this process has not seen it.</summary>
    public static ActivityContext SweepContextOf(Guid sweepId) => SweepRegistry.Find(sweepId).Context;

    /// <summary>Notes that the sweep's cells were handed to the transport now (the in-process queue-wait origin).</summary>
    public static void MarkDispatched(Guid sweepId) => SweepRegistry.MarkDispatched(sweepId, Stopwatch.GetTimestamp());

    /// <summary>
    /// Declares, for the current async flow, the cell message being handled: its sweep's context (e.g. parsed from the
    /// <see cref="SweepContextHeader"/>) and when it was sent. A transport consumer wraps the worker call in it; the
    /// worker's <see cref="CellOriginOf"/> then prefers it to this process's memory. Dispose in the same flow.
    /// </summary>
    public static DeliveryScope BeginCellDelivery(ActivityContext sweepContext, DateTimeOffset? sentAt)
    {
        var previous = CurrentDelivery.Value;
        CurrentDelivery.Value = new Delivery(sweepContext, sentAt);
        return new DeliveryScope(previous);
    }

    /// <summary>
    /// Where the cell being started comes from: the declared delivery when there is one, else this process's memory of
    /// the sweep (the embedded case, where coordinator and workers share the process).
    /// </summary>
    public static CellOrigin CellOriginOf(Guid sweepId)
    {
        var (context, dispatchedAt) = SweepRegistry.Find(sweepId);
        TimeSpan? wait = dispatchedAt is { } at ? Stopwatch.GetElapsedTime(at) : null;
        if (CurrentDelivery.Value is { } delivery)
        {
            if (delivery.SweepContext != default)
            {
                context = delivery.SweepContext;
            }

            if (delivery.SentAt is { } sent)
            {
                var elapsed = DateTimeOffset.UtcNow - sent;
                wait = elapsed > TimeSpan.Zero ? elapsed : TimeSpan.Zero; // clocks of two machines may disagree
            }
        }

        return new CellOrigin(context, wait);
    }

    internal static void EndCellDelivery(Delivery? previous) => CurrentDelivery.Value = previous;

    internal sealed record Delivery(ActivityContext SweepContext, DateTimeOffset? SentAt);
}

/// <summary>Ends a <see cref="SweepTelemetry.BeginCellDelivery"/> declaration, restoring the previous one.</summary>
public readonly struct DeliveryScope : IDisposable
{
    private readonly SweepTelemetry.Delivery? previous;

    internal DeliveryScope(SweepTelemetry.Delivery? previous) => this.previous = previous;

    public void Dispose() => SweepTelemetry.EndCellDelivery(previous);
}
