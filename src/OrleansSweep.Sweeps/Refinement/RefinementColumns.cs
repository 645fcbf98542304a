using OrleansSweep.Sweeps.Output;

namespace OrleansSweep.Sweeps.Refinement;

/// <summary>
/// Column names a refined sweep adds to the phase map, and the columns of <c>phase_boundary.parquet</c>, snake_case
/// like every phase-map column (gH → g_h). See docs/refinement.md for the table.
/// </summary>
public static class RefinementColumns
{
    /// <summary>Phase map: how many times the cell's coarse cell was halved to make it (0 for grid cells).</summary>
    public const string Depth = "depth";

    /// <summary>Phase map and boundary: the refined metric's name, as key-value metadata (<c>orleanssweep.refine.metric</c>).</summary>
    public const string MetricKey = "orleanssweep.refine.metric";

    /// <summary>Key-value metadata: the level (canonical number text).</summary>
    public const string LevelKey = "orleanssweep.refine.level";

    /// <summary>Boundary: t, the crossing's position on the segment from cell A's sample to cell B's.</summary>
    public const string Fraction = "fraction";

    /// <summary>Boundary: the standard error of t.</summary>
    public const string FractionSem = "fraction_sem";

    /// <summary>Boundary: the two cells' ids and indices.</summary>
    public const string CellA = "cell_id_a";

    /// <summary>Boundary: the second cell's id.</summary>
    public const string CellB = "cell_id_b";

    /// <summary>Boundary: cell A's index.</summary>
    public const string IndexA = "cell_index_a";

    /// <summary>Boundary: cell B's index.</summary>
    public const string IndexB = "cell_index_b";

    /// <summary>Boundary: whether the crossing passes the split rule (true) or could be noise (false).</summary>
    public const string Significant = "significant";

    /// <summary>Phase map: a cell's lower bound along <paramref name="axis"/> (e.g. <c>g_h_lower</c>); boundary: the smaller sample value.</summary>
    public static string Lower(string axis) => ColumnNames.ToSnakeCase(axis) + "_lower";

    /// <summary>Phase map: a cell's upper bound along <paramref name="axis"/> (e.g. <c>g_h_upper</c>); boundary: the larger sample value.</summary>
    public static string Upper(string axis) => ColumnNames.ToSnakeCase(axis) + "_upper";

    /// <summary>Boundary: the crossing along <paramref name="axis"/> (e.g. <c>g_h</c>), like the phase map's axis column.</summary>
    public static string Value(string axis) => ColumnNames.ToSnakeCase(axis);

    /// <summary>Boundary: the crossing's standard error along <paramref name="axis"/> (e.g. <c>g_h_sem</c>).</summary>
    public static string Sem(string axis) => ColumnNames.ToSnakeCase(axis) + "_sem";
}
