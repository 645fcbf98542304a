namespace OrleansSweep.Reports.HeatMaps;

/// <summary>Strokes of the lines drawn over the map; every line has a white halo so it reads over dark and light cells.</summary>
internal static class LineStyles
{
    public const string ContourColor = "#000000";
    public const double ContourWidth = 1.6;
    public const double HaloWidth = 3.6;

    // Colour and dash pattern both vary, so overlays stay distinguishable in grey-scale print and for colour-blind readers.
    private static readonly string[] OverlayColors = ["#111111", "#e7298a", "#ff7f00", "#00a6d6", "#8c510a"];
    private static readonly string[] OverlayDashes = ["7 4", "2 3", "9 3 2 3", "4 2", "12 4"];

    public static string OverlayColor(int index) => OverlayColors[index % OverlayColors.Length];

    public static string? OverlayDash(int index, bool dashed) => dashed ? OverlayDashes[index % OverlayDashes.Length] : null;
}
