namespace OrleansSweep.Reports;

/// <summary>One figure of an <see cref="HtmlReport"/>.</summary>
/// <param name="Title">Section heading (same sub/superscript markup as heat map labels).</param>
/// <param name="Svg">A standalone SVG document, e.g. from <see cref="HeatMapSvg.Render"/>; inlined as is (an XML
/// declaration is dropped). It must not load anything external or contain scripts.</param>
/// <param name="Caption">Optional caption under the figure (same markup).</param>
public sealed record ReportSection(string Title, string Svg, string? Caption);
