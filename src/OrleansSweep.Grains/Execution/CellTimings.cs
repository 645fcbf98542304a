using System.Collections.Concurrent;
using System.Diagnostics;

namespace OrleansSweep.Grains.Execution;

/// <summary>
/// What the puller needs to size its batches (<see cref="InFlightBound"/>): how long recent cells of each sweep took,
/// how long the cells running now have run, and how long a pull takes from asking to the cells queued.
/// </summary>
/// <remarks>
/// Per sweep, because sweeps differ by orders of magnitude (trivial cells of 0.1 ms, Lyapunov cells of minutes): a
/// sweep's first pull, with nothing measured, gets the bound for real cells, so a slow sweep started after a fast one
/// is split across silos as before. The running cells' ages guard the other way round: a cell that has already run
/// longer than the average says the average is stale, and no extra is taken while it runs.
/// </remarks>
public sealed class CellTimings(int threads)
{
    private readonly ConcurrentDictionary<Guid, RecentAverage> cellSeconds = new();
    private readonly RecentAverage startSeconds = new();
    private readonly long[] runningSince = new long[threads]; // Stopwatch timestamps by executor thread; 0 = idle

    /// <summary>Recent time from asking a sweep for cells to their grains queueing them here, seconds (0 until measured).</summary>
    public double RecentStartSeconds => startSeconds.Value;

    /// <summary>
    /// How long a cell of <paramref name="sweepId"/> is expected to take on one thread, seconds: the recent average of its
    /// cells, or the age of the oldest running cell when that is longer; 0 when nothing is known.
    /// </summary>
    public double CellSecondsOf(Guid sweepId)
    {
        var recent = cellSeconds.TryGetValue(sweepId, out var average) ? average.Value : 0;
        return recent > 0 ? Math.Max(recent, OldestRunningSeconds()) : 0;
    }

    /// <summary>Forgets the sweeps that are no longer running (the list stays as short as the running sweeps).</summary>
    public void Retain(IReadOnlyCollection<Guid> running)
    {
        foreach (var sweepId in cellSeconds.Keys)
        {
            if (!running.Contains(sweepId))
            {
                cellSeconds.TryRemove(sweepId, out _);
            }
        }
    }

    internal void Started(int thread) => Volatile.Write(ref runningSince[thread], Stopwatch.GetTimestamp());

    internal void Finished(int thread, Guid sweepId, bool computed)
    {
        var since = Interlocked.Exchange(ref runningSince[thread], 0);
        if (computed && since != 0)
        {
            cellSeconds.GetOrAdd(sweepId, _ => new RecentAverage()).Add(Stopwatch.GetElapsedTime(since).TotalSeconds);
        }
    }

    internal void Queued(long askedAt) => startSeconds.Add(Stopwatch.GetElapsedTime(askedAt).TotalSeconds);

    private double OldestRunningSeconds()
    {
        var now = Stopwatch.GetTimestamp();
        var oldest = 0.0;
        for (var i = 0; i < runningSince.Length; i++)
        {
            var since = Volatile.Read(ref runningSince[i]);
            if (since != 0)
            {
                oldest = Math.Max(oldest, Stopwatch.GetElapsedTime(since, now).TotalSeconds);
            }
        }

        return oldest;
    }
}
