using System.Text;
using System.Text.RegularExpressions;
using OrleansSweep.Reports.Html;
using OrleansSweep.Reports.Text;

namespace OrleansSweep.Reports;

/// <summary>A self-contained HTML report: a metadata table and one section per figure, all in one file.</summary>
/// <remarks>
/// The page has inline CSS and inline SVGs only: no scripts, no fonts, no images or style sheets loaded from anywhere,
/// so it can be mailed, archived next to the results, or opened offline. It is also well-formed XML (polyglot
/// HTML5), which lets tools and tests parse it. Metadata keys and values are plain text (escaped, no markup, since
/// they hold paths and hashes); section titles and captions accept the label markup of <see cref="HeatMapSvg"/>.
/// Output is a pure function of the input (no timestamp). Throws <see cref="ArgumentException"/> when a section's
/// SVG is not an <c>&lt;svg&gt;</c> document, or holds a script or an external reference.
/// </remarks>
public static partial class HtmlReport
{
    /// <summary>Renders the report as one HTML document.</summary>
    public static string Render(string title, IReadOnlyList<(string Key, string Value)> metadata, IReadOnlyList<ReportSection> sections)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(sections);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>");
        XmlText.Append(sb, RichText.Plain(title));
        sb.Append("</title>\n<style>\n").Append(ReportStyle.Css).Append("\n</style>\n</head>\n<body>\n<header>\n<h1>");
        AppendRich(sb, title);
        sb.Append("</h1>\n");
        AppendMetadata(sb, metadata);
        sb.Append("</header>\n");
        AppendContents(sb, sections);
        for (var k = 0; k < sections.Count; k++)
        {
            AppendSection(sb, sections[k], k + 1);
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void AppendMetadata(StringBuilder sb, IReadOnlyList<(string Key, string Value)> metadata)
    {
        if (metadata.Count == 0)
        {
            return;
        }

        sb.Append("<table class=\"metadata\">\n<tbody>\n");
        foreach (var (key, value) in metadata)
        {
            sb.Append("<tr><th scope=\"row\">");
            XmlText.Append(sb, key);
            sb.Append("</th><td>");
            XmlText.Append(sb, value);
            sb.Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
    }

    private static void AppendContents(StringBuilder sb, IReadOnlyList<ReportSection> sections)
    {
        if (sections.Count < 2)
        {
            return;
        }

        sb.Append("<nav>\n<ol>\n");
        for (var k = 0; k < sections.Count; k++)
        {
            sb.Append("<li><a href=\"#section-").Append(Invariant.Int(k + 1)).Append("\">");
            AppendRich(sb, sections[k].Title);
            sb.Append("</a></li>\n");
        }

        sb.Append("</ol>\n</nav>\n");
    }

    private static void AppendSection(StringBuilder sb, ReportSection section, int number)
    {
        ArgumentNullException.ThrowIfNull(section);
        var svg = InlineSvg(section.Svg, number);
        sb.Append("<section id=\"section-").Append(Invariant.Int(number)).Append("\">\n<h2>");
        AppendRich(sb, section.Title);
        sb.Append("</h2>\n<figure>\n").Append(svg);
        if (!svg.EndsWith('\n'))
        {
            sb.Append('\n');
        }

        if (section.Caption is { } caption)
        {
            sb.Append("<figcaption>");
            AppendRich(sb, caption);
            sb.Append("</figcaption>\n");
        }

        sb.Append("</figure>\n</section>\n");
    }

    /// <summary>Drops the XML declaration and checks that the SVG cannot load anything or run anything.</summary>
    private static string InlineSvg(string svg, int number)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var body = svg.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (body.StartsWith("<?xml", StringComparison.Ordinal))
        {
            var end = body.IndexOf("?>", StringComparison.Ordinal);
            body = end < 0 ? body : body[(end + 2)..].TrimStart();
        }

        if (!body.StartsWith("<svg", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Section {number}: the figure must be an <svg> document.", nameof(svg));
        }

        if (ExternalOrScript().IsMatch(body))
        {
            throw new ArgumentException($"Section {number}: the SVG holds a script or an external reference; the report must be self-contained.", nameof(svg));
        }

        return body;
    }

    private static void AppendRich(StringBuilder sb, string markup)
    {
        foreach (var run in RichText.Parse(markup))
        {
            var tag = run.Shift switch
            {
                TextShift.Sub => "sub",
                TextShift.Super => "sup",
                _ => null,
            };
            if (tag is not null)
            {
                sb.Append('<').Append(tag).Append('>');
            }

            XmlText.Append(sb, run.Text);
            if (tag is not null)
            {
                sb.Append("</").Append(tag).Append('>');
            }
        }
    }

    [GeneratedRegex("""<script|(?:href|src)\s*=\s*["']\s*(?:[a-z][a-z0-9+.-]*:|//)|url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)|@import""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExternalOrScript();
}
