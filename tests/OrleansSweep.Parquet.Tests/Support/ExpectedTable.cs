namespace OrleansSweep.Parquet.Tests.Support;

/// <summary>Builds a <see cref="ParquetTable"/> and keeps every value (boxed, null for null) to compare readers with.</summary>
public sealed class ExpectedTable(int rowCount)
{
    private readonly List<(ParquetColumn Column, object?[] Values)> columns = [];

    public ParquetTable Table { get; } = new(rowCount);

    public int RowCount => rowCount;

    public IReadOnlyList<(ParquetColumn Column, object?[] Values)> Columns => columns;

    public ExpectedTable Int32(string name, int[] values) => Record(Table.AddInt32(name, values), values.Select(v => (object?)v));

    public ExpectedTable Int32(string name, int?[] values) => Record(Table.AddInt32(name, values), values.Select(v => (object?)v));

    public ExpectedTable Int64(string name, long[] values) => Record(Table.AddInt64(name, values), values.Select(v => (object?)v));

    public ExpectedTable Int64(string name, long?[] values) => Record(Table.AddInt64(name, values), values.Select(v => (object?)v));

    public ExpectedTable Double(string name, double[] values) => Record(Table.AddDouble(name, values), values.Select(v => (object?)v));

    public ExpectedTable Double(string name, double?[] values) => Record(Table.AddDouble(name, values), values.Select(v => (object?)v));

    public ExpectedTable Boolean(string name, bool[] values) => Record(Table.AddBoolean(name, values), values.Select(v => (object?)v));

    public ExpectedTable Boolean(string name, bool?[] values) => Record(Table.AddBoolean(name, values), values.Select(v => (object?)v));

    public ExpectedTable Utf8(string name, string?[] values, bool nullable) =>
        Record(Table.AddUtf8(name, values, nullable), values.Select(v => (object?)v));

    private ExpectedTable Record(ParquetTable table, IEnumerable<object?> values)
    {
        columns.Add((table.Columns[^1], values.ToArray()));
        return this;
    }
}
