using System.Buffers;
using System.Numerics;

namespace OrleansSweep.Parquet.Columns;

/// <summary>Fixed-width numeric values (INT32, INT64, DOUBLE): PLAIN is little-endian, Width bytes per value.</summary>
internal abstract class FixedWidthValues<T>(ParquetColumn column, T[] values, bool[]? nulls)
    : ColumnValues(column, values.Length)
    where T : unmanaged, INumber<T>
{
    protected abstract int Width { get; }

    public override bool IsNull(int row) => nulls is not null && nulls[row];

    public override void WritePlain(int start, int count, IBufferWriter<byte> destination)
    {
        var present = count - CountNulls(start, count);
        var span = destination.GetSpan(present * Width);
        var offset = 0;
        for (var row = start; row < start + count; row++)
        {
            if (!IsNull(row))
            {
                WriteValue(span.Slice(offset, Width), values[row]);
                offset += Width;
            }
        }

        destination.Advance(offset);
    }

    public override PlainBounds? FindBounds(int start, int count)
    {
        var any = false;
        T min = default, max = default;
        for (var row = start; row < start + count; row++)
        {
            var value = values[row];
            if (IsNull(row) || !IsOrdered(value))
            {
                continue;
            }

            if (!any)
            {
                min = max = value;
                any = true;
                continue;
            }

            if (value < min)
            {
                min = value;
            }

            if (value > max)
            {
                max = value;
            }
        }

        if (!any)
        {
            return null;
        }

        (min, max) = Normalize(min, max);
        return new PlainBounds(Encode(min), Encode(max));
    }

    protected abstract void WriteValue(Span<byte> destination, T value);

    /// <summary>False for values that have no place in the order (NaN) and so stay out of min/max.</summary>
    protected virtual bool IsOrdered(T value) => true;

    protected virtual (T Min, T Max) Normalize(T min, T max) => (min, max);

    private byte[] Encode(T value)
    {
        var bytes = new byte[Width];
        WriteValue(bytes, value);
        return bytes;
    }
}
