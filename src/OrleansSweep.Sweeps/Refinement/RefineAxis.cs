using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Refinement;

/// <summary>
/// One refined axis: its grid points, the coordinate cells are halved in (the value itself, or its logarithm on a
/// log-scaled range), and the extent of each coarse cell along it.
/// </summary>
/// <remarks>
/// Coarse cell i spans from the midpoint with its predecessor to the midpoint with its successor (in the coordinate),
/// the first and last cells stopping at the first and last grid points, so the cells tile exactly the range the spec
/// asked for and no child leaves it (a parameter's valid interval contains the range). The grid point is the coarse
/// cell's sample: at its centre inside, at its edge for the two end cells. A child's sample is its centre. Edges are
/// computed from the coarse cell's ends and an exact dyadic fraction, so an edge shared by cells of different depths
/// is the same double from either side. A descending axis is handled as written: "start" is toward point 0.
/// </remarks>
internal sealed class RefineAxis
{
    private readonly double[] values;
    private readonly double[] coordinates;
    private readonly double[] starts;
    private readonly double[] ends;

    public RefineAxis(SweepAxis axis, int gridPosition)
    {
        ArgumentNullException.ThrowIfNull(axis);
        Name = axis.Name;
        GridPosition = gridPosition;
        IsLog = axis is RangeAxis { Scale: AxisScale.Log };
        values = [.. axis.Points()];
        coordinates = [.. values.Select(ToCoordinate)];
        var m = values.Length;
        starts = new double[m];
        ends = new double[m];
        for (var i = 0; i < m; i++)
        {
            starts[i] = i == 0 ? coordinates[0] : (coordinates[i - 1] + coordinates[i]) / 2;
            ends[i] = i == m - 1 ? coordinates[m - 1] : (coordinates[i] + coordinates[i + 1]) / 2;
        }
    }

    /// <summary>The axis (parameter) name as the spec writes it.</summary>
    public string Name { get; }

    /// <summary>The axis' position in the spec's grid.</summary>
    public int GridPosition { get; }

    /// <summary>Whether cells are halved in ln x (a log-scaled range) rather than in x.</summary>
    public bool IsLog { get; }

    /// <summary>The number of coarse cells (grid points) along the axis.</summary>
    public int Count => values.Length;

    /// <summary>The coordinate of value <paramref name="x"/>: x, or ln x on a log axis.</summary>
    public double ToCoordinate(double x) => IsLog ? Math.Log(x) : x;

    /// <summary>The value at coordinate <paramref name="u"/>.</summary>
    public double ToValue(double u) => IsLog ? Math.Exp(u) : u;

    /// <summary>The grid point of coarse cell <paramref name="coarse"/>, exactly as the grid has it.</summary>
    public double GridValue(int coarse) => values[coarse];

    /// <summary>
    /// The sample coordinate of the cell at lattice position <paramref name="position"/> of <paramref name="depth"/>
    /// (position = coarse · 2^depth + sub-cell): the grid point at depth 0, the cell's centre below.
    /// </summary>
    public double SampleCoordinate(int depth, long position)
    {
        var (coarse, sub) = Split(depth, position);
        return depth == 0 ? coordinates[coarse] : (Edge(coarse, depth, sub) + Edge(coarse, depth, sub + 1)) / 2;
    }

    /// <summary>The sample value: the grid point itself at depth 0, so coarse cells are the grid's cells bit for bit.</summary>
    public double SampleValue(int depth, long position)
    {
        var (coarse, _) = Split(depth, position);
        return depth == 0 ? values[coarse] : ToValue(SampleCoordinate(depth, position));
    }

    /// <summary>The cell's extent in axis units, lower ≤ upper (the grid points themselves at the range's ends).</summary>
    public (double Lower, double Upper) Extent(int depth, long position)
    {
        var (coarse, sub) = Split(depth, position);
        var a = EdgeValue(coarse, depth, sub);
        var b = EdgeValue(coarse, depth, sub + 1);
        return (Math.Min(a, b), Math.Max(a, b));
    }

    /// <summary>The coarse cell and the sub-cell (0 ≤ sub &lt; 2^depth) of a lattice position.</summary>
    private static (int Coarse, long Sub) Split(int depth, long position) =>
        ((int)(position >> depth), position & ((1L << depth) - 1));

    /// <summary>Edge <paramref name="sub"/> (0 … 2^depth) of coarse cell <paramref name="coarse"/>, as a coordinate.</summary>
    private double Edge(int coarse, int depth, long sub)
    {
        var parts = 1L << depth;
        if (sub == 0)
        {
            return starts[coarse];
        }

        if (sub == parts)
        {
            return ends[coarse];
        }

        // sub / parts is an exact dyadic fraction, equal for (sub, depth) and (2·sub, depth + 1).
        return starts[coarse] + (ends[coarse] - starts[coarse]) * ((double)sub / parts);
    }

    private double EdgeValue(int coarse, int depth, long sub)
    {
        var last = values.Length - 1;
        if (sub == 0 && coarse == 0)
        {
            return values[0];
        }

        if (sub == 1L << depth && coarse == last)
        {
            return values[last];
        }

        return ToValue(Edge(coarse, depth, sub));
    }
}
