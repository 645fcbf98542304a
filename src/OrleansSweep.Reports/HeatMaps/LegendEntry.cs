namespace OrleansSweep.Reports.HeatMaps;

/// <summary>What a legend entry stands for.</summary>
internal enum LegendKind
{
    Contour,
    Overlay,
    Missing,

    /// <summary>Points of a refined map's phase boundary with their error bars.</summary>
    Boundary,
}

/// <summary>One legend entry and, once laid out, where its swatch starts (left end, vertical centre).</summary>
internal sealed record LegendEntry(LegendKind Kind, string Label, int OverlayIndex = -1)
{
    public double X { get; init; }

    public double Y { get; init; }
}
