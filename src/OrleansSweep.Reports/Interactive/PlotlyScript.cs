namespace OrleansSweep.Reports.Interactive;

/// <summary>The plotly.js bundle that ships inside the Plotly.NET package, for inlining once per report.</summary>
/// <remarks>
/// Plotly.NET's own HTML output points at a CDN by default (or inlines the bundle once per chart); the report must
/// open offline and carries several charts, so it inlines the embedded bundle a single time in its head.
/// </remarks>
internal static class PlotlyScript
{
    private static readonly Lazy<string> Bundle = new(Load);

    public static string Source => Bundle.Value;

    private static string Load()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Resource {name} is missing from Plotly.NET.");
        using var reader = new StreamReader(stream);
        // "</script" cannot occur inside an inline script; the minified bundle has none, and this keeps it that way.
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The plotly.js version of the embedded bundle, e.g. <c>2.28.0</c>.</summary>
    public static string Version => typeof(Plotly.NET.GenericChart).Assembly.GetManifestResourceNames()
        .Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))["Plotly.NET.plotly-".Length..^".min.js".Length];
}
