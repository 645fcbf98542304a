using System.Globalization;
using System.Text;
using OrleansSweep.Sweeps.Refinement;

namespace OrleansSweep.Benchmarks.Refinement;

/// <summary>
/// How far a refined boundary lies from the uniform grid's, in finest cells, and from the DMFT onset g_c(α_r).
/// Distances are point-set distances in units of the finest cell along each axis (g_h / Δg, α_r / Δα): from each
/// point of one boundary to the nearest point of the other, both ways. Boundary points sit about a cell apart along
/// the curve, so this over-states the distance between the curves by up to half a cell. The distance to theory is
/// g_h − g_c(α_r) at each refined boundary point. Refined → uniform is also measured to the uniform boundary as a curve
/// (<see cref="UniformContour"/>), which does not over-state it. Restricted to a band of α_r, the points measured from are those in
/// the band and the points measured to are all of the other boundary's, so a band's figures are the band's share of the
/// whole-boundary ones.
/// </summary>
internal sealed record BoundaryComparison(
    string Label,
    int RefinedPoints,
    int UniformPoints,
    IReadOnlyList<double> RefinedToUniform,
    IReadOnlyList<double> RefinedToUniformCurve,
    IReadOnlyList<double> UniformToRefined,
    IReadOnlyList<double> RefinedToTheory)
{
    private const string G = "gH";
    private const string Alpha = "alphaR";

    /// <summary>
    /// The comparison over each band of α_r (null: the whole axis). Both boundaries and the uniform one's curve are
    /// built once and measured per band.
    /// </summary>
    /// <param name="onset">The DMFT onset g_c at an α_r (NaN where it is not known).</param>
    /// <param name="significantOnly">Compare only crossings the pair itself resolves (<see cref="BoundaryPoint.Significant"/>).</param>
    /// <param name="bands">Per comparison, the points with From ≤ α_r &lt; To are measured from (null: all).</param>
    public static IEnumerable<BoundaryComparison> CompareByBand(
        RefinedRun refined, RefinedRun uniform, double cellG, double cellA, Func<double, double> onset, bool significantOnly,
        IEnumerable<(double From, double To)?> bands)
    {
        var r = refined.Plan.Boundary(refined.Samples).Where(p => p.Significant || !significantOnly).ToList();
        var u = uniform.Plan.Boundary(uniform.Samples).Where(p => p.Significant || !significantOnly).ToList();
        var rn = r.Select(p => Normalized(p, cellG, cellA)).ToList();
        var un = u.Select(p => Normalized(p, cellG, cellA)).ToList();
        var curve = new UniformContour(uniform, u, cellG, cellA, refined.Plan.Settings.Level);
        foreach (var band in bands)
        {
            bool InBand(BoundaryPoint p) => band is not { } b || (Value(p, Alpha) >= b.From && Value(p, Alpha) < b.To);
            var rBand = r.Where(InBand).Select(p => Normalized(p, cellG, cellA)).ToList();
            var uBand = u.Where(InBand).Select(p => Normalized(p, cellG, cellA)).ToList();
            var toTheory = r
                .Where(InBand)
                .Select(p => Value(p, G) - onset(Value(p, Alpha)))
                .Where(double.IsFinite)
                .ToList();
            var label = (significantOnly ? "significant crossings" : "all crossings") +
                (band is { } shown ? string.Create(CultureInfo.InvariantCulture, $", {shown.From:G} ≤ α_r < {shown.To:G}") : "");
            yield return new BoundaryComparison(label, rBand.Count, uBand.Count, Nearest(rBand, un), [.. rBand.Select(curve.DistanceTo)], Nearest(uBand, rn), toTheory);
        }
    }

    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"  {Label}: {RefinedPoints} refined, {UniformPoints} uniform boundary points");
        text.AppendLine(CultureInfo.InvariantCulture, $"  refined → uniform (finest cells): {Distances(RefinedToUniform)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  refined → uniform curve (finest cells): {Distances(RefinedToUniformCurve)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  uniform → refined (finest cells): {Distances(UniformToRefined)}");
        text.Append(CultureInfo.InvariantCulture, $"  refined boundary g_h − DMFT g_c(α_r): {Summary(RefinedToTheory)} (signed: median {Median(RefinedToTheory):F3})");
        return text.ToString();
    }

    private static (double G, double A) Normalized(BoundaryPoint point, double cellG, double cellA) =>
        (Value(point, G) / cellG, Value(point, Alpha) / cellA);

    private static double Value(BoundaryPoint point, string axis) => point.Coordinates.Single(c => c.Axis == axis).Value;

    /// <summary>Each point's distance to the nearest of <paramref name="to"/>; none when there is nothing to measure to.</summary>
    private static List<double> Nearest(List<(double G, double A)> from, List<(double G, double A)> to) =>
        to.Count == 0 ? [] : [.. from.Select(p => to.Min(q => Math.Sqrt(Square(p.G - q.G) + Square(p.A - q.A))))];

    private static string Distances(IReadOnlyList<double> values) =>
        values.Count == 0 ? "none" : string.Create(CultureInfo.InvariantCulture, $"{Summary(values)}; within 1 cell: {Within(values, 1):P1}");

    private static string Summary(IReadOnlyList<double> values) =>
        values.Count == 0 ? "none" : string.Create(CultureInfo.InvariantCulture, $"median {Median(values.Select(Math.Abs).ToList()):F2}, 90 % {Quantile(values.Select(Math.Abs).ToList(), 0.9):F2}, max {values.Max(Math.Abs):F2}");

    private static double Within(IReadOnlyList<double> values, double bound) => values.Count == 0 ? double.NaN : values.Count(v => v <= bound) / (double)values.Count;

    private static double Median(IReadOnlyList<double> values) => Quantile(values, 0.5);

    private static double Quantile(IReadOnlyList<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];
    }

    private static double Square(double x) => x * x;
}
