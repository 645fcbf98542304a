namespace OrleansSweep.Reports.Html;

/// <summary>The inline style sheet of the HTML report: readable on screen, one figure per page block in print.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { color-scheme: light; }
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222; background: #fff;
               max-width: 1100px; margin: 2em auto; padding: 0 1.5em; line-height: 1.45; }
        h1 { font-size: 1.6em; margin-bottom: 0.4em; }
        h2 { font-size: 1.2em; margin: 1.6em 0 0.5em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
        table.metadata { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
        table.metadata th, table.metadata td { border: 1px solid #ddd; padding: 0.25em 0.7em; text-align: left;
               vertical-align: top; overflow-wrap: anywhere; }
        table.metadata th { background: #f4f4f4; font-weight: 600; white-space: nowrap; }
        nav ol { padding-left: 1.4em; }
        figure { margin: 0; }
        figure svg { max-width: 100%; height: auto; display: block; }
        figcaption { font-size: 0.9em; color: #444; margin-top: 0.4em; max-width: 60em; }
        @media print { section { break-inside: avoid; } nav { display: none; } }
        """;
}
