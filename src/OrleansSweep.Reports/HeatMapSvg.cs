using OrleansSweep.Reports.HeatMaps;

namespace OrleansSweep.Reports;

/// <summary>Draws a phase map (one metric over two swept parameters) as a standalone SVG 1.1 document.</summary>
/// <remarks>
/// <para>Cells are rects between edges halfway between neighbouring axis values (in log space on log axes), so
/// non-uniform grids draw true to scale. Colours come from small control-point tables with linear interpolation:
/// viridis for sequential data, blue–white–red centred at 0 for data that straddle 0 (see <see cref="ColorScale"/>).
/// Missing cells (null, NaN, ±∞) are hatched grey and get a legend entry. A constant field is drawn in the middle colour
/// of a small range around its value.</para>
/// <para>Labels (title, subtitle, axis labels, units, metric label, overlay labels) accept Unicode and a small markup:
/// <c>_x</c>/<c>^x</c> set the following letters and digits as sub/superscript (<c>g_h</c>, <c>λ_max</c>,
/// <c>σ_w^2</c>), <c>_{…}</c>/<c>^{…}</c> a braced group, <c>\_</c> a literal underscore. All text is XML-escaped.</para>
/// <para>Output is deterministic: invariant culture, two decimals for coordinates, no clock or random ids (the
/// pattern and gradient ids are a hash of the inputs, so several figures can be inlined in one HTML page). Each cell
/// carries a <c>&lt;title&gt;</c> tooltip with its parameters and value. The document starts with an XML declaration;
/// write it as UTF-8.</para>
/// <para>Failure modes: <see cref="ArgumentException"/> when an axis has no values, a non-finite or (log axis)
/// non-positive value, values that are not strictly monotone, when <c>Values</c> does not match the axis lengths, or
/// when the canvas is smaller than 240×200 px.</para>
/// </remarks>
public static class HeatMapSvg
{
    /// <summary>Renders <paramref name="data"/> as SVG markup.</summary>
    public static string Render(HeatMapData data, HeatMapOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data.Values);
        ArgumentNullException.ThrowIfNull(data.X);
        ArgumentNullException.ThrowIfNull(data.Y);
        ArgumentNullException.ThrowIfNull(data.X.Label);
        ArgumentNullException.ThrowIfNull(data.Y.Label);
        ArgumentNullException.ThrowIfNull(data.X.Values);
        ArgumentNullException.ThrowIfNull(data.Y.Values);
        ArgumentNullException.ThrowIfNull(data.MetricLabel);
        ArgumentNullException.ThrowIfNull(options.Title);
        if (options.Width < 240 || options.Height < 200)
        {
            throw new ArgumentException($"Canvas {options.Width}×{options.Height} px is too small (at least 240×200).", nameof(options));
        }

        return new HeatMapRenderer(data, options).Render();
    }
}
