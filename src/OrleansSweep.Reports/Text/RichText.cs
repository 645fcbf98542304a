using System.Text;

namespace OrleansSweep.Reports.Text;

/// <summary>
/// The small label markup of the figures: <c>_x</c> / <c>^x</c> set the following run of letters and digits as a
/// subscript / superscript (<c>λ_max</c>, <c>σ_w^2</c>), <c>_{…}</c> / <c>^{…}</c> set a braced group
/// (<c>10^{−3}</c>), and <c>\_</c>, <c>\^</c>, <c>\\</c> are literal characters.
/// </summary>
/// <remarks>
/// Physicists write symbols the way the papers do (g_h, α_r, b_r); this keeps labels readable in source and renders
/// them as in print. A marker followed by nothing it can take is kept literally.
/// </remarks>
internal static class RichText
{
    /// <summary>Splits marked-up text into runs; adjacent runs of equal placement are merged.</summary>
    public static IReadOnlyList<TextRun> Parse(string text)
    {
        var runs = new List<TextRun>();
        var current = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '_' or '^' or '\\')
            {
                current.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c is '_' or '^' && TryTakeGroup(text, i + 1, out var group, out var next))
            {
                Flush(runs, current, TextShift.None);
                current.Append(group);
                Flush(runs, current, c == '_' ? TextShift.Sub : TextShift.Super);
                i = next;
                continue;
            }

            current.Append(c);
            i++;
        }

        Flush(runs, current, TextShift.None);
        return runs;
    }

    /// <summary>The text without markup (what a reader of the figure sees, run after run).</summary>
    public static string Plain(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var run in Parse(text))
        {
            sb.Append(run.Text);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Rough rendered width in px from per-class advance widths of DejaVu Sans (the widest common sans-serif, so
    /// Helvetica or Arial come out narrower); sub- and superscripts are drawn at 75 %. Used only for layout margins and
    /// label spacing, so it errs on the wide side.
    /// </summary>
    public static double EstimateWidth(string text, double fontSize)
    {
        var width = 0.0;
        foreach (var run in Parse(text))
        {
            var scale = run.Shift == TextShift.None ? 1.0 : SubScale;
            foreach (var c in run.Text)
            {
                width += Advance(c) * fontSize * scale;
            }
        }

        return width;
    }

    /// <summary>Font-size factor of sub- and superscripts.</summary>
    public const double SubScale = 0.75;

    private static bool TryTakeGroup(string text, int start, out string group, out int next)
    {
        group = string.Empty;
        next = start;
        if (start >= text.Length)
        {
            return false;
        }

        if (text[start] == '{')
        {
            var close = text.IndexOf('}', start + 1);
            var end = close < 0 ? text.Length : close;
            group = text[(start + 1)..end];
            next = close < 0 ? text.Length : close + 1;
            return group.Length > 0;
        }

        var j = start;
        while (j < text.Length && (char.IsLetterOrDigit(text[j]) || char.IsSurrogate(text[j])))
        {
            j++;
        }

        group = text[start..j];
        next = j;
        return group.Length > 0;
    }

    private static void Flush(List<TextRun> runs, StringBuilder current, TextShift shift)
    {
        if (current.Length == 0)
        {
            return;
        }

        var text = current.ToString();
        current.Clear();
        if (runs.Count > 0 && runs[^1].Shift == shift)
        {
            runs[^1] = new TextRun(runs[^1].Text + text, shift);
            return;
        }

        runs.Add(new TextRun(text, shift));
    }

    /// <summary>Advance width in em (DejaVu Sans: digits 0.64, lower case 0.28–0.97, mostly about 0.6).</summary>
    private static double Advance(char c) => c switch
    {
        _ when char.IsLowSurrogate(c) => 0.0,
        ' ' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' => 0.32,
        'i' or 'j' or 'l' => 0.28,
        'f' or 't' or 'r' or '(' or ')' or '[' or ']' or '{' or '}' or '/' => 0.40,
        'm' or 'w' or 'M' or 'W' => 0.95,
        '\u2212' or '=' or '+' or '×' or '<' or '>' or '~' => 0.84,
        _ when char.IsDigit(c) => 0.64,
        _ when char.IsUpper(c) => 0.72,
        _ => 0.62,
    };
}
