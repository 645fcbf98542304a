using OrleansSweep.Parquet.Columns;

namespace OrleansSweep.Parquet;

/// <summary>A columnar table to write: a fixed row count and one typed array per column.</summary>
/// <remarks>
/// A non-nullable array (<c>int[]</c>, <c>double[]</c>, …) makes a REQUIRED column; a nullable one
/// (<c>int?[]</c>, …) an OPTIONAL column. Strings say so explicitly (<see cref="AddUtf8"/>).
/// Every array must have exactly <see cref="RowCount"/> elements; names must be unique (ordinal) and not blank.
/// Violations throw <see cref="ArgumentException"/> when the column is added.
/// Arrays of REQUIRED numeric and boolean columns and of string columns are kept by reference, not copied:
/// do not change them until the table has been written. Not thread-safe.
/// </remarks>
public sealed class ParquetTable
{
    private readonly List<ColumnValues> columnValues = [];
    private readonly List<ParquetColumn> columns = [];
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    /// <param name="rowCount">Rows in every column (0 gives a valid empty file).</param>
    public ParquetTable(int rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        RowCount = rowCount;
    }

    public int RowCount { get; }

    /// <summary>The columns in the order they were added (the file's column order).</summary>
    public IReadOnlyList<ParquetColumn> Columns => columns;

    internal IReadOnlyList<ColumnValues> Values => columnValues;

    public ParquetTable AddInt32(string name, int[] values) => Add(name, values, () => Int32Values.Required(name, values));

    public ParquetTable AddInt32(string name, int?[] values) => Add(name, values, () => Int32Values.Optional(name, values));

    public ParquetTable AddInt64(string name, long[] values) => Add(name, values, () => Int64Values.Required(name, values));

    public ParquetTable AddInt64(string name, long?[] values) => Add(name, values, () => Int64Values.Optional(name, values));

    public ParquetTable AddDouble(string name, double[] values) => Add(name, values, () => DoubleValues.Required(name, values));

    public ParquetTable AddDouble(string name, double?[] values) => Add(name, values, () => DoubleValues.Optional(name, values));

    public ParquetTable AddBoolean(string name, bool[] values) => Add(name, values, () => BooleanValues.Required(name, values));

    public ParquetTable AddBoolean(string name, bool?[] values) => Add(name, values, () => BooleanValues.Optional(name, values));

    /// <summary>Adds a UTF8 column.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="values">The strings; null elements are nulls and need <paramref name="nullable"/>.</param>
    /// <param name="nullable">True for an OPTIONAL column; false for REQUIRED (a null element then throws).</param>
    /// <exception cref="ArgumentException">A null in a REQUIRED column, or a string with a lone surrogate.</exception>
    public ParquetTable AddUtf8(string name, string?[] values, bool nullable) =>
        Add(name, values, () => new Utf8Values(name, values, nullable));

    private ParquetTable Add(string name, Array values, Func<ColumnValues> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != RowCount)
        {
            throw new ArgumentException($"Column '{name}' has {values.Length} values; the table has {RowCount} rows.", nameof(values));
        }

        if (names.Contains(name))
        {
            throw new ArgumentException($"The table already has a column named '{name}'.", nameof(name));
        }

        var column = create();
        columnValues.Add(column);
        columns.Add(column.Column);
        names.Add(name);
        return this;
    }
}
