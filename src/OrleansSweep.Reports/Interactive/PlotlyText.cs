using System.Globalization;
using System.Net;
using System.Text;
using OrleansSweep.Reports.Text;

namespace OrleansSweep.Reports.Interactive;

/// <summary>Text for plotly.js labels and hover boxes, which accept a small HTML subset (&lt;sub&gt;, &lt;br&gt;).</summary>
internal static class PlotlyText
{
    /// <summary>A label in the figures' markup (<c>λ_max</c>, <c>σ_w^2</c>) as plotly HTML; the text itself is escaped.</summary>
    public static string Label(string markup)
    {
        var sb = new StringBuilder();
        foreach (var run in RichText.Parse(markup))
        {
            var tag = run.Shift switch { TextShift.Sub => "sub", TextShift.Super => "sup", _ => null };
            sb.Append(tag is null ? "" : $"<{tag}>").Append(Plain(run.Text)).Append(tag is null ? "" : $"</{tag}>");
        }

        return sb.ToString();
    }

    /// <summary>Plain text (ids, statuses, column names, errors) escaped, never marked up.</summary>
    public static string Plain(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A number as the report shows it: four significant digits, "—" when undefined.</summary>
    public static string Number(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("G4", CultureInfo.InvariantCulture) : value is { } inf ? inf.ToString(CultureInfo.InvariantCulture) : "—";

    /// <summary>A finite value, or null (JSON has no NaN or ∞; plotly draws null as a gap).</summary>
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
