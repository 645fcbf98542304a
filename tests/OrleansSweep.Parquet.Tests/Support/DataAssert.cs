namespace OrleansSweep.Parquet.Tests.Support;

/// <summary>Assertions on what <see cref="ParquetFileReader"/> returns.</summary>
public static class DataAssert
{
    /// <summary>Schema, row count, array types and every value: doubles compared bit for bit (NaN payloads and
    /// the sign of zero included), strings ordinally.</summary>
    public static void Matches(ExpectedTable expected, ParquetData data)
    {
        Assert.Equal(expected.Table.Columns, data.Info.Columns);
        Assert.Equal(expected.RowCount, data.Info.RowCount);
        Assert.Equal(expected.Columns.Count, data.Columns.Count);
        for (var c = 0; c < expected.Columns.Count; c++)
        {
            var (column, values) = expected.Columns[c];
            var array = data.Columns[c];
            Assert.Equal(ArrayType(column.Type), array.GetType());
            Assert.Equal(values.Length, array.Length);
            for (var row = 0; row < values.Length; row++)
            {
                var actual = array.GetValue(row);
                if (!SameBits(values[row], actual))
                {
                    Assert.Fail($"column '{column.Name}', row {row}: wrote {ReaderValues.Show(values[row])}, read {ReaderValues.Show(actual)}");
                }
            }
        }
    }

    /// <summary>The array type the reader promises for each column type (always the nullable one).</summary>
    public static Type ArrayType(ParquetType type) => type switch
    {
        ParquetType.Int32 => typeof(int?[]),
        ParquetType.Int64 => typeof(long?[]),
        ParquetType.Double => typeof(double?[]),
        ParquetType.Boolean => typeof(bool?[]),
        ParquetType.Utf8 => typeof(string?[]),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Exact equality, stricter than <see cref="ReaderValues.Same"/>: NaNs must carry the same payload.</summary>
    public static bool SameBits(object? expected, object? actual) => (expected, actual) switch
    {
        (double e, double a) => BitConverter.DoubleToInt64Bits(e) == BitConverter.DoubleToInt64Bits(a),
        _ => ReaderValues.Same(expected, actual),
    };
}
