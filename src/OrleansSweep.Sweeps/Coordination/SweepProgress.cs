namespace OrleansSweep.Sweeps.Coordination;

/// <summary>A snapshot of a sweep's progress.</summary>
/// <remarks><c>Resumed</c> counts cells that already had a stored result when this run started.</remarks>
public sealed record SweepProgress(Guid SweepId, int Total, int Done, int Failed, int Resumed, DateTimeOffset StartedAt)
{
    public bool IsComplete => Done >= Total;

    /// <summary>Cells per second computed in this run (resumed cells excluded).</summary>
    public double Rate(DateTimeOffset now) =>
        Done - Resumed <= 0 ? 0 : (Done - Resumed) / Math.Max((now - StartedAt).TotalSeconds, 1e-3);

    public TimeSpan? EstimatedRemaining(DateTimeOffset now)
    {
        var rate = Rate(now);
        return rate <= 0 ? null : TimeSpan.FromSeconds((Total - Done) / rate);
    }
}
