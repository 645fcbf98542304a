namespace OrleansSweep.Reports.Svg;

/// <summary>How a piece of text is drawn.</summary>
/// <param name="Size">Font size in px.</param>
/// <param name="Anchor">SVG text-anchor: start, middle or end.</param>
/// <param name="Fill">Text colour.</param>
/// <param name="Bold">Bold weight.</param>
/// <param name="Class">Optional class attribute (lets tests and style sheets find the element).</param>
internal readonly record struct TextStyle(double Size, string Anchor = "start", string Fill = "#222222", bool Bold = false, string? Class = null);
