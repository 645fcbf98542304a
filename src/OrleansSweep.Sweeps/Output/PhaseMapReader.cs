using OrleansSweep.Parquet;

namespace OrleansSweep.Sweeps.Output;

/// <summary>Rebuilds a <see cref="PhaseMap"/> from a phase-map Parquet file's columns (for plotting).</summary>
public static class PhaseMapReader
{
    public static PhaseMap FromColumns(ParquetData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var columns = data.Info.Columns.Select((column, i) => data.Columns[i] switch
        {
            double?[] doubles => new PhaseMapColumn(column.Name, ColumnType.Double, column.Nullable, doubles),
            int?[] ints => new PhaseMapColumn(column.Name, ColumnType.Int32, column.Nullable, ints),
            long?[] longs => new PhaseMapColumn(column.Name, ColumnType.Double, column.Nullable, longs.Select(v => (double?)v).ToArray()),
            string?[] strings => new PhaseMapColumn(column.Name, ColumnType.Utf8, column.Nullable, strings),
            bool?[] booleans => new PhaseMapColumn(column.Name, ColumnType.Double, column.Nullable, booleans.Select(v => v is null ? (double?)null : v.Value ? 1 : 0).ToArray()),
            _ => throw new InvalidDataException($"Column {column.Name} has an unsupported type."),
        }).ToList();
        return new PhaseMap(columns, (int)data.Info.RowCount, []);
    }
}
