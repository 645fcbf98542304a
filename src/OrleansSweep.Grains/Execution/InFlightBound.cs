namespace OrleansSweep.Grains.Execution;

/// <summary>
/// How many cells a silo holds (running, queued or being started) and when it asks for more: enough to keep its threads
/// busy through one pull's round trip, and no more.
/// </summary>
/// <remarks>
/// <para>Cells that are long next to a pull's round trip (the science: tens of milliseconds to minutes) get
/// <c>threads + 1</c>, one waiting per silo, and a pull for every free slot: so the tail of a sweep is never stuck in
/// one silo's queue while another idles, and the split follows each silo's cores to the last cell.</para>
/// <para>Cells that are short next to the round trip and shorter than <see cref="MaxBatchedCellSeconds"/> (trivial
/// cells: ~0.1 ms against ~1 ms for a pull) would leave the threads idle between pulls. Those get extra slots covering two round trips of work at the recent cell
/// duration, and a pull only once half the extra is free, so one pull brings a batch. What a silo holds beyond
/// <c>threads + 1</c> is then at most about two round trips of work, which bounds how uneven the tail can get by the
/// same time, and the extra is capped at <see cref="MaxExtraPerThread"/> per thread whatever the timings say (the
/// measured round trip grows with the batch, since a batch's cells activate one after another).</para>
/// </remarks>
public readonly record struct InFlightBound(int Capacity, int PullAt)
{
    /// <summary>Extra cells per thread at most, however short the cells.</summary>
    public const int MaxExtraPerThread = 16;

    /// <summary>
    /// Cells this long or longer never get extra slots, whatever a pull costs: a pull slowed by a loaded machine or a
    /// far storage must not make a silo hoard real cells (the even split at the tail of a sweep matters more there).
    /// </summary>
    public const double MaxBatchedCellSeconds = 0.010;

    /// <summary>
    /// The bound for <paramref name="threads"/> threads, cells of <paramref name="cellSeconds"/> and pulls of
    /// <paramref name="roundTripSeconds"/> (recent averages; zero or negative when not yet measured).
    /// </summary>
    public static InFlightBound For(int threads, double cellSeconds, double roundTripSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var extra = 0;
        // False for NaN: unmeasured timings change nothing.
        if (cellSeconds > 0 && cellSeconds < MaxBatchedCellSeconds && roundTripSeconds > cellSeconds)
        {
            // Cells a silo's threads finish during two round trips (+∞ for absurd timings: then the cap).
            var cells = 2 * threads * roundTripSeconds / cellSeconds;
            var cap = MaxExtraPerThread * threads;
            extra = cells >= cap ? cap : (int)Math.Ceiling(cells);
        }

        return new InFlightBound(threads + 1 + extra, 1 + (extra / 2));
    }
}
