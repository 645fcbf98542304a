namespace OrleansSweep.Sweeps.Output;

/// <summary>The physical type of a phase-map column (the Parquet types the phase map uses).</summary>
public enum ColumnType
{
    Int32,
    Double,
    Utf8,

    /// <summary>BOOLEAN (values <c>bool?[]</c>): flags such as the boundary's <c>significant</c>; not used by the phase map itself.</summary>
    Boolean,
}

/// <summary>One column of a phase map: values are <c>int?[]</c>, <c>double?[]</c>, <c>string?[]</c> or <c>bool?[]</c> by <see cref="Type"/>.</summary>
public sealed record PhaseMapColumn(string Name, ColumnType Type, bool Nullable, Array Values)
{
    public double? NumberAt(int row) => Values switch
    {
        double?[] doubles => doubles[row],
        int?[] ints => ints[row],
        bool?[] booleans => booleans[row] is { } flag ? (flag ? 1 : 0) : null,
        _ => null,
    };
}

/// <summary>
/// A sweep's results as a table: one row per cell in grid order; axis columns first, then identity and status,
/// then metrics (measurement and theory side by side), then timing columns (excluded from reproducibility checks).
/// </summary>
public sealed record PhaseMap(IReadOnlyList<PhaseMapColumn> Columns, int Rows, IReadOnlyList<string> AxisColumns)
{
    /// <summary>Columns whose values depend on timing or scheduling rather than on the spec.</summary>
    public static IReadOnlySet<string> TimingColumns { get; } = new HashSet<string>(StringComparer.Ordinal) { "duration_seconds" };

    public PhaseMapColumn? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
