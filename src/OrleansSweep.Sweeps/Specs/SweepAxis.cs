namespace OrleansSweep.Sweeps.Specs;

/// <summary>How the points of a <see cref="RangeAxis"/> are spaced.</summary>
public enum AxisScale
{
    /// <summary>Equal differences: from + i·(to − from)/(steps − 1).</summary>
    Linear,

    /// <summary>Equal ratios: exp(ln from + i·(ln to − ln from)/(steps − 1)); needs from, to &gt; 0.</summary>
    Log,
}

/// <summary>
/// One axis of a sweep grid: a model parameter (or <c>n</c>, the number of units) and its points, in order.
/// </summary>
/// <remarks>
/// Every point is a double, as model parameters are: a flag is 0 or 1, a choice the index into
/// <c>ParameterDefinition.Choices</c>, and <c>n</c> a whole number. Points are computed on demand, so an axis with
/// many steps costs nothing until it is expanded.
/// </remarks>
public abstract record SweepAxis(string Name)
{
    /// <summary>The axis name that sweeps the number of units N instead of a model parameter.</summary>
    public const string UnitCountName = "n";

    /// <summary>Whether this axis sweeps the number of units N.</summary>
    public bool IsUnitCount => Name == UnitCountName;

    /// <summary>The number of points (≥ 1 in a validated spec).</summary>
    public abstract int Count { get; }

    /// <summary>The point at <paramref name="index"/> (0-based, in the order the spec lists them).</summary>
    public abstract double PointAt(int index);

    /// <summary>All points in order.</summary>
    public IReadOnlyList<double> Points()
    {
        var points = new double[Count];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = PointAt(i);
        }

        return points;
    }
}
