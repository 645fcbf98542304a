using OrleansSweep.Reports.LinePlots;

namespace OrleansSweep.Reports;

/// <summary>Draws one metric of a one-axis sweep as a standalone SVG 1.1 line plot (vector, no scripts).</summary>
/// <remarks>
/// The measurement is a solid line with point markers and ±SEM error bars, the theory a dashed line, failed cells
/// × marks on the lower edge; a dotted line marks 0 when the range straddles it. Each point carries a
/// <c>&lt;title&gt;</c> tooltip. Labels use the markup of <see cref="HeatMapSvg"/>; output is deterministic and
/// culture-invariant. Throws <see cref="ArgumentException"/> when the series lengths differ from the axis or the
/// axis values are not finite (positive on a log axis).
/// </remarks>
public static class LinePlotSvg
{
    public static string Render(LinePlotData data, HeatMapOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var n = data.X.Values.Count;
        if (n == 0 || data.Values.Count != n || data.Sem?.Count is { } s && s != n || data.Theory?.Count is { } t && t != n || data.Failed?.Count is { } f && f != n)
        {
            throw new ArgumentException($"Every series must have one value per point of {data.X.Name} ({n}).", nameof(data));
        }

        if (data.X.Values.Any(v => !double.IsFinite(v) || (data.X.Logarithmic && v <= 0)))
        {
            throw new ArgumentException($"Axis {data.X.Name} has a value that cannot be drawn.", nameof(data));
        }

        return new LinePlotRenderer(data, options).Render();
    }
}
