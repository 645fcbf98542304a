namespace OrleansSweep.Reports.Colors;

/// <summary>The colour maps of the figures, each from a small table of control points.</summary>
internal static class ColorMaps
{
    /// <summary>
    /// Viridis (van der Walt and Smith, matplotlib's default): perceptually uniform, lightness increasing monotonically,
    /// readable in grey scale and by colour-blind readers. Ten samples of matplotlib's table at k/9.
    /// </summary>
    public static ColorMap Viridis { get; } = new("viridis", Parse(
        "#440154", "#482878", "#3e4a89", "#31688e", "#26828e",
        "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"));

    /// <summary>
    /// Blue–white–red diverging map: ColorBrewer RdBu (11 classes, Brewer) reversed so that negative values are blue
    /// and positive values red; the middle control point #f7f7f7 sits exactly at t = 0.5, i.e. at the value 0.
    /// Lightness is symmetric about the centre, so |value| reads the same on both sides.
    /// </summary>
    public static ColorMap BlueWhiteRed { get; } = new("blue-white-red", Parse(
        "#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7",
        "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f"));

    private static Rgb[] Parse(params string[] hex) => Array.ConvertAll(hex, Rgb.FromHex);
}
