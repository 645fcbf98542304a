using System.Diagnostics;
using System.Globalization;
using OrleansSweep.Benchmarks.Engine;
using OrleansSweep.Contracts;

namespace OrleansSweep.Benchmarks.Cluster;

/// <summary>
/// <c>kill -9</c> of a silo in the middle of a sweep, and how long until its cells run again on the survivor (issue 13:
/// ≤ 5 s). Four Lyapunov cells at N = 256 (about 2 s each): each silo, at concurrency 1, pulls two (one running, one
/// queued), so the victim holds two cells when it dies.
/// </summary>
/// <remarks>
/// The victim is the silo that does not host the sweep grain (the sweep status names the host), so the sweep keeps
/// counting; from the kill, the survivor's <c>/stats</c> and the sweep status are read every 20 ms. "Accepted" is the
/// first moment the survivor's executor holds more cells than it had taken itself (computed + running + queued): a
/// dead silo's cell re-asked by the sweep grain and activated on the survivor. "Running" is the first moment it
/// computes one of them (its own two are computed and it is busy again): that also waits for the survivor's own
/// cells, so it is bounded below by them.
/// </remarks>
internal static class Failover
{
    /// <param name="killHost">Kill the silo of the sweep grain instead: the grain must come back on the survivor first.</param>
    public static async Task RunAsync(ClusterClient client, IReadOnlyList<SiloNode> silos, bool killHost = false)
    {
        var load = LoadAverage.Now();
        var sweep = SweepThroughput.Spec(4, 1, 256, ClusterProbe.NextSeed());
        var started = await client.Sweeps.StartAsync(sweep, failFast: false);
        var before = new Dictionary<string, SiloStats>();
        foreach (var silo in silos)
        {
            before[silo.Name] = await silo.StatsAsync();
        }

        // Wait until both silos compute (each has pulled its two cells).
        var patience = Stopwatch.StartNew();
        while (true)
        {
            var stats = await Task.WhenAll(silos.Select(s => s.StatsAsync()));
            if (stats.All(s => s.Busy == 1 && s.Queued >= 1))
            {
                break;
            }

            if (patience.Elapsed > TimeSpan.FromSeconds(20))
            {
                Console.WriteLine($"| failover: the silos did not both pick up cells: {string.Join(", ", stats.Select(s => $"{s.Name} busy {s.Busy} queued {s.Queued}"))} | skipped | |");
                return;
            }

            await Task.Delay(20);
        }

        var status = await client.Sweeps.StatusAsync(started.SweepId);
        var victim = killHost ? silos.First(s => s.Name == status.Host) : silos.FirstOrDefault(s => s.Name != status.Host) ?? silos[^1];
        var survivor = silos.First(s => s != victim);
        var own = await survivor.StatsAsync();
        var ownTaken = own.Accepted - before[survivor.Name].Computed;
        var clock = Stopwatch.StartNew();
        var killedAt = DateTime.UtcNow;
        await victim.Process.KillAsync();
        var killed = clock.Elapsed;
        TimeSpan? accepted = null, running = null, hostBack = killHost ? null : TimeSpan.Zero;
        var timeline = new List<string>();
        var nextSample = TimeSpan.Zero;
        SweepStatus? last = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            var stats = await survivor.StatsAsync();
            var now = clock.Elapsed;
            var computedHere = stats.Computed - before[survivor.Name].Computed;
            if (accepted is null && stats.Accepted - before[survivor.Name].Computed > ownTaken)
            {
                accepted = now;
            }

            if (running is null && computedHere >= ownTaken && stats.Busy > 0)
            {
                running = now;
            }

            if (now >= nextSample || hostBack is null)
            {
                try
                {
                    last = await client.Sweeps.StatusAsync(started.SweepId).WaitAsync(TimeSpan.FromSeconds(5));
                    hostBack ??= last.Host == survivor.Name ? clock.Elapsed : null;
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // the sweep grain is moving to the survivor: ask again
                }

                if (last is null || now < nextSample)
                {
                    await Task.Delay(20);
                    continue;
                }

                timeline.Add(string.Create(CultureInfo.InvariantCulture, $"{now.TotalSeconds:F1}s busy {stats.Busy} queued {stats.Queued} computed {computedHere}, sweep done {last.Done}/{last.Total} in flight {last.InFlight}"));
                nextSample = now + TimeSpan.FromMilliseconds(500);
                if (last.IsFinished)
                {
                    break;
                }
            }

            await Task.Delay(20);
        }

        Console.WriteLine($"| failover: kill -9 of {victim.Name} (sweep grain on {status.Host}), 4 cells N = 256, load {load} | kill took {killed.TotalMilliseconds:F0} ms | |");
        if (killHost)
        {
            Console.WriteLine($"| failover: kill → the sweep grain answering from {survivor.Name} | **{Seconds(hostBack)}** | |");
        }

        Console.WriteLine($"| failover: kill → a dead silo's cell accepted by the survivor ({survivor.Name}'s /stats) | **{Seconds(accepted)}** | survivor had {ownTaken} cells of its own |");
        Console.WriteLine($"| failover: kill → that cell running on the survivor (Busy after its own cells) | {Seconds(running)} | |");
        Console.WriteLine($"| failover: kill → sweep completed | {(last is { IsFinished: true } ? Seconds(clock.Elapsed) : "not within 120 s")} | {last?.State}, done {last?.Done}/{last?.Total}, duplicates {last?.DuplicatesDropped} |");
        // The survivor's own account of the death (membership), to set against the timeline.
        foreach (var line in survivor.Process.Output.Split('\n').Where(l => l.Contains("dead", StringComparison.OrdinalIgnoreCase) || l.Contains("Declar", StringComparison.Ordinal)).Take(10))
        {
            Console.WriteLine($"# survivor log (kill at {killedAt:HH:mm:ss.fff}): {line.Trim()}");
        }

        var log = Path.Combine(Path.GetTempPath(), $"failover-{survivor.Name}-{killedAt:HHmmss}.log");
        await File.WriteAllTextAsync(log, survivor.Process.Output);
        Console.WriteLine($"# survivor's whole log: {log} (ORLEANSSWEEP_BENCH_SILO_LOG=Information|Debug for Orleans' own lines)");
        Console.WriteLine("# failover timeline (survivor /stats, sweep status):");
        foreach (var line in timeline)
        {
            Console.WriteLine("#   " + line);
        }
    }

    private static string Seconds(TimeSpan? t) => t is { } value ? value.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s" : "never";
}
