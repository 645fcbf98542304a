using System.Text;

namespace OrleansSweep.Reports.Text;

/// <summary>Helpers for callers that build figure labels from names that must not be typeset.</summary>
public static class LabelMarkup
{
    /// <summary>
    /// Escapes the markup characters of <paramref name="text"/> (<c>_</c>, <c>^</c>, <c>\</c>) so that file names,
    /// column names and sweep names (<c>phase_map.parquet</c>, <c>lyapunov_max</c>) are drawn exactly as written.
    /// </summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '_' or '^' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
