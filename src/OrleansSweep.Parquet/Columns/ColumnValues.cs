using System.Buffers;
using OrleansSweep.Parquet.Format;

namespace OrleansSweep.Parquet.Columns;

/// <summary>One column's values, able to PLAIN-encode any row range and find its min/max.</summary>
/// <remarks>Rows are 0-based; a range is [start, start + count). Nulls are never encoded in the values section:
/// they exist only as definition level 0.</remarks>
internal abstract class ColumnValues(ParquetColumn column, int length)
{
    public ParquetColumn Column { get; } = column;

    public int Length { get; } = length;

    public abstract PhysicalType PhysicalType { get; }

    public abstract bool IsNull(int row);

    public int CountNulls(int start, int count)
    {
        if (!Column.Nullable)
        {
            return 0;
        }

        var nulls = 0;
        for (var row = start; row < start + count; row++)
        {
            if (IsNull(row))
            {
                nulls++;
            }
        }

        return nulls;
    }

    /// <summary>Appends the PLAIN encoding of the range's non-null values.</summary>
    public abstract void WritePlain(int start, int count, IBufferWriter<byte> destination);

    /// <summary>The range's min and max under the column's TYPE_ORDER, PLAIN-encoded (strings without a length
    /// prefix); null when the range has no orderable value (all null, all NaN) or the bounds are too long to keep.</summary>
    public abstract PlainBounds? FindBounds(int start, int count);

    /// <summary>Splits nullable values into a dense array (nulls as default) and a null mask.</summary>
    protected static T[] Densify<T>(T?[] source, out bool[] nulls)
        where T : struct
    {
        var values = new T[source.Length];
        nulls = new bool[source.Length];
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] is { } value)
            {
                values[i] = value;
            }
            else
            {
                nulls[i] = true;
            }
        }

        return values;
    }
}

/// <summary>PLAIN-encoded statistics bounds.</summary>
internal readonly record struct PlainBounds(byte[] Min, byte[] Max);
