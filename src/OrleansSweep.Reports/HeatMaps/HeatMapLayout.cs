using OrleansSweep.Reports.Colors;
using OrleansSweep.Reports.Geometry;
using OrleansSweep.Reports.Text;
using OrleansSweep.Reports.Ticks;

namespace OrleansSweep.Reports.HeatMaps;

/// <summary>Positions of every part of a heat map on the canvas, in px (y grows downwards).</summary>
/// <remarks>
/// Computed in dependency order, so nothing is guessed twice: the vertical margins (title, x labels, legend rows)
/// fix the plot height; that fixes the y and colour-bar ticks, whose label widths fix the left and right margins;
/// those fix the plot width and hence the x ticks. Text widths are estimates (<see cref="RichText.EstimateWidth"/>).
/// </remarks>
internal sealed class HeatMapLayout
{
    public const double TickSize = 11;
    public const double LabelSize = 13;
    public const double LegendSize = 11;
    public const double TickLength = 5;
    public const double BarWidth = 14;
    private const double BarGap = 14;
    private const double Pad = 8;
    private const double LegendRow = 18;
    private const double LegendSwatch = 22;

    public double TitleSize { get; private init; }
    public double SubtitleSize { get; private init; }
    public double TitleBaseline { get; private init; }
    public double SubtitleBaseline { get; private init; }
    public double PlotLeft { get; private init; }
    public double PlotTop { get; private init; }
    public double PlotWidth { get; private init; }
    public double PlotHeight { get; private init; }
    public double PlotRight => PlotLeft + PlotWidth;
    public double PlotBottom => PlotTop + PlotHeight;
    public double XLabelSize { get; private init; }
    public double XLabelBaseline { get; private init; }
    public double YLabelSize { get; private init; }
    public double YLabelX { get; private init; }
    public double BarLeft => PlotRight + BarGap;
    public double BarRight => BarLeft + BarWidth;
    public double MetricLabelSize { get; private init; }
    public double MetricLabelX { get; private init; }
    public required IReadOnlyList<Tick> XTicks { get; init; }
    public required IReadOnlyList<Tick> YTicks { get; init; }
    public required IReadOnlyList<Tick> BarTicks { get; init; }
    public required IReadOnlyList<LegendEntry> Legend { get; init; }

    public static HeatMapLayout Compute(
        HeatMapOptions options, AxisGeometry x, AxisGeometry y, ColorScaling scaling, string xLabel, string yLabel, string metricLabel, IReadOnlyList<LegendEntry> legend)
    {
        double width = options.Width, height = options.Height;

        // Vertical: title block, plot, x tick labels, x label, legend rows.
        // Bold glyphs are about 10 % wider than the regular ones the estimate is made for.
        var titleSize = FitSize(options.Title, 16, 9, (width - (2 * Pad)) / 1.1);
        var subtitleSize = options.Subtitle is null ? 0 : FitSize(options.Subtitle, 12, 8, width - (2 * Pad));
        var titleBaseline = Pad + titleSize;
        var subtitleBaseline = titleBaseline + subtitleSize + 5;
        var plotTop = (options.Subtitle is null ? titleBaseline : subtitleBaseline) + 16;
        var placed = FlowLegend(legend, width);
        var rows = placed.Count == 0 ? 0 : placed.Select(e => e.Y).Distinct().Count();
        // x tick labels: tick, 3 px gap, cap height; x label: one line below, room for a subscript's descent.
        var xLabelBaseline = XTickBaselineOffset + 6 + LabelSize;
        var bottom = xLabelBaseline + 7 + (rows == 0 ? 0 : 6 + (rows * LegendRow)) + 4;
        var plotHeight = Math.Max(40, height - plotTop - bottom);

        var yTicks = AxisTicks(y, plotHeight, horizontal: false);
        var barTicks = scaling.Logarithmic
            ? TickPlanner.Plan(Math.Log10(scaling.Lo), Math.Log10(scaling.Hi), true, plotHeight, false, TickSize)
            : TickPlanner.Plan(scaling.Lo, scaling.Hi, false, plotHeight, false, TickSize);

        // Horizontal: y label (rotated), y tick labels, plot, colour bar, its tick labels, metric label (rotated).
        var yLabelSize = FitSize(yLabel, LabelSize, 9, plotHeight);
        var yLabelX = Pad + (0.78 * yLabelSize);
        var plotLeft = yLabelX + (0.55 * yLabelSize) + 6 + WidestLabel(yTicks) + 3 + TickLength;
        var metricLabelSize = FitSize(metricLabel, LabelSize, 9, plotHeight);
        var rightMargin = BarGap + BarWidth + 4 + 3 + WidestLabel(barTicks) + 8 + (0.78 * metricLabelSize) + (0.55 * metricLabelSize) + Pad;
        var plotWidth = Math.Max(40, width - plotLeft - rightMargin);
        var xTicks = AxisTicks(x, plotWidth, horizontal: true);
        var metricLabelX = plotLeft + plotWidth + rightMargin - Pad - (0.55 * metricLabelSize);

        return new HeatMapLayout
        {
            TitleSize = titleSize,
            SubtitleSize = subtitleSize,
            TitleBaseline = titleBaseline,
            SubtitleBaseline = subtitleBaseline,
            PlotLeft = plotLeft,
            PlotTop = plotTop,
            PlotWidth = plotWidth,
            PlotHeight = plotHeight,
            XLabelSize = FitSize(xLabel, LabelSize, 9, plotWidth + 40),
            XLabelBaseline = plotTop + plotHeight + xLabelBaseline,
            YLabelSize = yLabelSize,
            YLabelX = yLabelX,
            MetricLabelSize = metricLabelSize,
            MetricLabelX = metricLabelX,
            XTicks = xTicks,
            YTicks = yTicks,
            BarTicks = barTicks,
            Legend = placed.Select(e => e with { Y = e.Y + plotTop + plotHeight + xLabelBaseline + 7 + 6 + (0.5 * LegendRow) }).ToList(),
        };
    }

    /// <summary>Distance below the plot of the x tick label baseline.</summary>
    public static double XTickBaselineOffset => TickLength + 3 + (0.75 * TickSize);

    /// <summary>Offset of a legend entry's text from the start of its swatch.</summary>
    public static double LegendTextOffset => LegendSwatch + 5;

    private static IReadOnlyList<Tick> AxisTicks(AxisGeometry axis, double lengthPx, bool horizontal) =>
        axis.Count == 1
            ? TickPlanner.Single(axis.Centres[0], axis.Axis.Values[0])
            : TickPlanner.Plan(axis.Lo, axis.Hi, axis.Axis.Logarithmic, lengthPx, horizontal, TickSize);

    private static double WidestLabel(IReadOnlyList<Tick> ticks) =>
        ticks.Count == 0 ? 0 : ticks.Max(t => RichText.EstimateWidth(t.Label, TickSize));

    /// <summary>The largest font size ≤ <paramref name="size"/> (not below <paramref name="min"/>) that fits the text in <paramref name="available"/> px.</summary>
    private static double FitSize(string text, double size, double min, double available)
    {
        var estimate = RichText.EstimateWidth(text, size);
        return estimate <= available ? size : Math.Max(min, Math.Floor(size * available / estimate * 2) / 2);
    }

    /// <summary>Legend entries flow left to right and wrap; Y here is the row index × row height, offset by the caller.</summary>
    private static List<LegendEntry> FlowLegend(IReadOnlyList<LegendEntry> entries, double width)
    {
        var placed = new List<LegendEntry>(entries.Count);
        var x = Pad * 2;
        var row = 0;
        foreach (var entry in entries)
        {
            var w = LegendSwatch + 5 + RichText.EstimateWidth(entry.Label, LegendSize) + 16;
            if (x + w > width - Pad && x > Pad * 2)
            {
                row++;
                x = Pad * 2;
            }

            placed.Add(entry with { X = x, Y = row * LegendRow });
            x += w;
        }

        return placed;
    }
}
