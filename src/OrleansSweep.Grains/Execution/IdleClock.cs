using System.Diagnostics;

namespace OrleansSweep.Grains.Execution;

/// <summary>
/// How long the executor's threads have waited with no cell to run, summed over the threads since the silo started.
/// </summary>
/// <remarks>
/// The pull model promises that no silo's threads wait while a sweep still has cells to hand out. This clock measures
/// exactly that, and nothing else: a thread that has a cell but is kept off the CPU by other processes is working, not
/// idle. So it tells a scheduling fault (a silo starved of cells) from a silo that simply got less CPU and computed
/// fewer cells, which a count of cells per silo cannot. Read by the stats endpoint and the cluster tests.
/// </remarks>
public sealed class IdleClock
{
    private readonly long[] idleSince; // Stopwatch timestamps by executor thread; 0 = running a cell
    private long idleTicks; // finished waits, Stopwatch ticks

    public IdleClock(int threads)
    {
        var now = Stopwatch.GetTimestamp();
        idleSince = [.. Enumerable.Repeat(now, threads)];
    }

    /// <summary>Idle time so far, summed over threads, the waits in progress included.</summary>
    /// <remarks>Not a snapshot across threads: a thread that starts or ends a wait while this is read may be counted a
    /// few microseconds early or late, which does not matter at the second scale it is read at.</remarks>
    public TimeSpan Total
    {
        get
        {
            var now = Stopwatch.GetTimestamp();
            var ticks = Interlocked.Read(ref idleTicks);
            for (var i = 0; i < idleSince.Length; i++)
            {
                var since = Volatile.Read(ref idleSince[i]);
                if (since != 0)
                {
                    ticks += now - since;
                }
            }

            return TimeSpan.FromSeconds(ticks / (double)Stopwatch.Frequency);
        }
    }

    /// <summary>The thread has taken a cell: its wait ends.</summary>
    internal void Working(int thread)
    {
        var since = Interlocked.Exchange(ref idleSince[thread], 0);
        if (since != 0)
        {
            Interlocked.Add(ref idleTicks, Stopwatch.GetTimestamp() - since);
        }
    }

    /// <summary>The thread has finished its cell and waits for the next.</summary>
    internal void Waiting(int thread) => Volatile.Write(ref idleSince[thread], Stopwatch.GetTimestamp());
}
