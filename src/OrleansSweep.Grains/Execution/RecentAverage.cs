namespace OrleansSweep.Grains.Execution;

/// <summary>
/// An exponentially weighted average of recent samples (weight 1/8), safe to add to from several threads: recent
/// enough to follow a sweep whose cells change size, smooth enough that one slow cell does not resize the batches.
/// </summary>
internal sealed class RecentAverage
{
    private const double Weight = 1.0 / 8;
    private readonly Lock gate = new();
    private double value;

    /// <summary>The average; 0 before the first sample.</summary>
    public double Value
    {
        get
        {
            lock (gate)
            {
                return value;
            }
        }
    }

    public void Add(double sample)
    {
        lock (gate)
        {
            value = value == 0 ? sample : value + (Weight * (sample - value));
        }
    }
}
