using System.Collections.Concurrent;
using OrleansSweep.Contracts;

namespace OrleansSweep.Cluster.Coordination;

/// <summary>The coordinator's view of the worker silos: the latest heartbeat of each, forgotten after three silent intervals.</summary>
internal sealed class SiloDirectory
{
    private readonly ConcurrentDictionary<string, (SiloHeartbeat Beat, DateTime ReceivedUtc)> silos = new(StringComparer.Ordinal);

    public void Record(SiloHeartbeat beat)
    {
        if (beat.Leaving)
        {
            silos.TryRemove(beat.Node, out _);
        }
        else
        {
            silos[beat.Node] = (beat, DateTime.UtcNow);
        }
    }

    /// <summary>The silos heard from recently, by name; silent ones are dropped (memory stays bounded).</summary>
    public IReadOnlyList<(SiloHeartbeat Beat, double AgeSeconds)> Live()
    {
        var now = DateTime.UtcNow;
        var live = new List<(SiloHeartbeat, double)>();
        foreach (var (node, (beat, received)) in silos)
        {
            var age = (now - received).TotalSeconds;
            if (age > 3 * Math.Max(beat.IntervalSeconds, 1))
            {
                silos.TryRemove(node, out _);
                continue;
            }

            live.Add((beat, age));
        }

        return live.OrderBy(s => s.Item1.Node, StringComparer.Ordinal).ToList();
    }
}
