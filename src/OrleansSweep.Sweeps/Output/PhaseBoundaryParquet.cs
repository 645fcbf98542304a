using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Output.ParquetFiles;
using OrleansSweep.Sweeps.Refinement;

namespace OrleansSweep.Sweeps.Output;

/// <summary>
/// <c>phase_boundary.parquet</c> of a refined sweep: one row per <see cref="BoundaryPoint"/>, in the order
/// <see cref="RefinementPlan.Boundary"/> gives them (by the pair's cell indices). See docs/refinement.md.
/// </summary>
/// <remarks>
/// Columns, in order: one per slice axis (the grid axes that are not refined, grid order); the crossing per refined
/// axis (<c>g_h</c>, <c>alpha_r</c>); its SEM per refined axis (<c>g_h_sem</c>, …); the two samples' values per
/// refined axis (<c>g_h_lower</c>, <c>g_h_upper</c>, …); <c>fraction</c>, <c>fraction_sem</c>, <c>depth</c>,
/// <c>cell_id_a</c>, <c>cell_id_b</c>, <c>cell_index_a</c>, <c>cell_index_b</c>, <c>significant</c>. Every column is
/// required except the SEMs, which are +∞ where the crossing is not located and null where undefined (written as
/// null, never NaN). The file is written even when the boundary is empty (schema only), so its absence means "not a
/// refined sweep" rather than "no boundary".
/// </remarks>
public static class PhaseBoundaryParquet
{
    public const string FileName = "phase_boundary.parquet";

    /// <summary>The boundary as columns (<paramref name="plan"/> gives the axes and, for an <c>n</c> slice, the cells' N).</summary>
    public static IReadOnlyList<PhaseMapColumn> Columns(SweepPlan plan, IReadOnlyList<BoundaryPoint> points)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(points);
        var refinement = plan.Refinement ?? throw new ArgumentException("The plan has no refinement: only a refined sweep has a phase boundary.", nameof(plan));
        var refined = refinement.Axes;
        var columns = new List<PhaseMapColumn>();
        foreach (var axis in plan.Axes.Where(a => !refined.Contains(a.Parameter)))
        {
            columns.Add(Doubles(ColumnNames.ToSnakeCase(axis.Parameter), false, points.Select(p => SliceValue(plan, p, axis.Parameter))));
        }

        BoundaryCoordinate Coordinate(BoundaryPoint point, string axis) => point.Coordinates.Single(c => c.Axis == axis);
        columns.AddRange(refined.Select(axis => Doubles(RefinementColumns.Value(axis), false, points.Select(p => Coordinate(p, axis).Value))));
        columns.AddRange(refined.Select(axis => Doubles(RefinementColumns.Sem(axis), true, points.Select(p => Coordinate(p, axis).Sem))));
        foreach (var axis in refined)
        {
            columns.Add(Doubles(RefinementColumns.Lower(axis), false, points.Select(p => Coordinate(p, axis).Lower)));
            columns.Add(Doubles(RefinementColumns.Upper(axis), false, points.Select(p => Coordinate(p, axis).Upper)));
        }

        columns.Add(Doubles(RefinementColumns.Fraction, false, points.Select(p => p.Fraction)));
        columns.Add(Doubles(RefinementColumns.FractionSem, true, points.Select(p => p.FractionSem)));
        columns.Add(new(RefinementColumns.Depth, ColumnType.Int32, false, points.Select(p => (int?)p.Depth).ToArray()));
        columns.Add(new(RefinementColumns.CellA, ColumnType.Utf8, false, points.Select(p => (string?)p.CellA).ToArray()));
        columns.Add(new(RefinementColumns.CellB, ColumnType.Utf8, false, points.Select(p => (string?)p.CellB).ToArray()));
        columns.Add(new(RefinementColumns.IndexA, ColumnType.Int32, false, points.Select(p => (int?)p.IndexA).ToArray()));
        columns.Add(new(RefinementColumns.IndexB, ColumnType.Int32, false, points.Select(p => (int?)p.IndexB).ToArray()));
        columns.Add(new(RefinementColumns.Significant, ColumnType.Boolean, false, points.Select(p => (bool?)p.Significant).ToArray()));
        return columns;
    }

    /// <summary>Writes the boundary atomically with <paramref name="metadata"/> (the phase map's, refined metric and level included).</summary>
    public static Task WriteAsync(
        string path, SweepPlan plan, IReadOnlyList<BoundaryPoint> points, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default) =>
        ParquetTableWriter.WriteAsync(path, Columns(plan, points), points.Count, metadata, cancellationToken);

    private static PhaseMapColumn Doubles(string name, bool nullable, IEnumerable<double> values) =>
        new(name, ColumnType.Double, nullable, values.Select(v => (double?)v).ToArray());

    /// <summary>A slice axis' value at the point: from the point, or for <c>n</c> (not a parameter) the cell's N.</summary>
    private static double SliceValue(SweepPlan plan, BoundaryPoint point, string axis) =>
        point.Slice.TryGetValue(axis, out var value) ? value
        : axis == "n" ? plan.CellAt(point.IndexA).N
        : throw new InvalidOperationException($"Boundary point of cells {point.IndexA}/{point.IndexB} has no value for slice axis {axis}.");
}
