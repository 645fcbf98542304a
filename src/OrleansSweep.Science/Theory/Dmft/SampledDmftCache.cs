using System.Collections.Concurrent;

namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// Memo of sampled-DMFT solutions by (parameters, options): a solve costs seconds, and a sweep may ask for the same point
/// more than once (slices that share a line, repeated sweeps in one process). Thread-safe; cleared when it exceeds 1024
/// entries; Cancelled results are not kept. Deterministic solves make the memo invisible apart from the time saved.
/// </summary>
public static class SampledDmftCache
{
    private const int Capacity = 1024;
    private static readonly ConcurrentDictionary<(SampledDmftParameters, SampledDmftOptions), SampledDmftSolution> Entries = new();

    /// <summary>The solution at (<paramref name="parameters"/>, <paramref name="options"/>), solved on a miss.</summary>
    public static SampledDmftSolution Solve(SampledDmftParameters parameters, SampledDmftOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(options);
        var key = (parameters, options);
        if (Entries.TryGetValue(key, out var hit))
        {
            return hit;
        }

        var solution = SampledDmft.Solve(parameters, options, ct);
        if (solution.Outcome.Status != AnalysisStatus.Cancelled)
        {
            if (Entries.Count >= Capacity)
            {
                Entries.Clear();
            }

            Entries[key] = solution;
        }

        return solution;
    }
}
