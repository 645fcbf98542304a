using System.Collections.Concurrent;

namespace OrleansSweep.Science.Theory;

/// <summary>
/// Memo for theory results that depend on fewer parameters than a cell has (g_FP and g_c depend only on the gate's
/// gain and bias, so a whole g_h column of a sweep shares them). Thread-safe; cleared when it exceeds 4096 entries;
/// results whose outcome is Cancelled are not kept.
/// </summary>
internal static class TheoryCache
{
    private const int Capacity = 4096;
    private static readonly ConcurrentDictionary<(string Kind, double A, double B), object> Entries = new();

    public static T GetOrCompute<T>(string kind, double a, double b, Func<T> compute, Func<T, bool> keep)
        where T : class
    {
        var key = (kind, a, b);
        if (Entries.TryGetValue(key, out var cached) && cached is T hit)
        {
            return hit;
        }

        var value = compute();
        if (keep(value))
        {
            if (Entries.Count >= Capacity)
            {
                Entries.Clear();
            }

            Entries[key] = value;
        }

        return value;
    }
}
