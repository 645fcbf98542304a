namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// Finds the valid name nearest to a misspelled one, by the Damerau–Levenshtein distance (optimal string alignment:
/// insertions, deletions, substitutions and swaps of adjacent letters each cost 1).
/// </summary>
/// <remarks>
/// Letters are compared ignoring case first, so <c>alphaz</c> finds <c>alphaZ</c> at distance 0; the case-sensitive
/// distance breaks ties. A candidate is suggested only within a distance that grows with the length of the name
/// (1 up to 3 letters, 2 up to 6, else 3), so that unrelated names are not offered.
/// </remarks>
internal static class NameSuggester
{
    public static string? Nearest(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        (int Folded, int Exact) bestScore = (int.MaxValue, int.MaxValue);
        foreach (var candidate in candidates)
        {
            var score = (Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant()), Distance(name, candidate));
            if (score.CompareTo(bestScore) < 0)
            {
                best = candidate;
                bestScore = score;
            }
        }

        return best is not null && bestScore.Folded <= Threshold(Math.Max(name.Length, best.Length)) ? best : null;
    }

    /// <summary>The optimal-string-alignment distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }

                d[i, j] = best;
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>"; did you mean 'x'?" when a near name exists, else ".": the end of a message sentence.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates) =>
        Nearest(name, candidates) is { } nearest ? $"; did you mean '{nearest}'?" : ".";

    private static int Threshold(int length) => length <= 3 ? 1 : length <= 6 ? 2 : 3;
}
