namespace OrleansSweep.Reports.Interactive;

/// <summary>The inline style sheet of the interactive report.</summary>
internal static class InteractiveStyle
{
    public const string Css = """
        :root { color-scheme: light; }
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222; background: #fff;
               max-width: 1100px; margin: 2em auto; padding: 0 1.5em; line-height: 1.45; }
        h1 { font-size: 1.6em; margin-bottom: 0.4em; }
        h2 { font-size: 1.2em; margin: 1.6em 0 0.5em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
        h2 code { font-size: 0.75em; color: #666; font-weight: normal; }
        table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
        th, td { border: 1px solid #ddd; padding: 0.25em 0.7em; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { background: #f4f4f4; font-weight: 600; }
        table.metadata th { white-space: nowrap; }
        table.failures pre { margin: 0; white-space: pre-wrap; font-size: 0.9em; }
        .plot { width: 100%; min-height: 520px; }
        p.slice { color: #444; }
        footer { margin-top: 2em; color: #555; font-size: 0.9em; }
        """;
}
