using System.Buffers;
using OrleansSweep.Parquet.Format;

namespace OrleansSweep.Parquet.Columns;

/// <summary>BOOLEAN values: PLAIN packs one bit per value, least significant bit first; statistics bounds are one
/// byte (0 or 1), false &lt; true.</summary>
internal sealed class BooleanValues(ParquetColumn column, bool[] values, bool[]? nulls)
    : ColumnValues(column, values.Length)
{
    public static BooleanValues Required(string name, bool[] values) => new(new(name, ParquetType.Boolean, false), values, null);

    public static BooleanValues Optional(string name, bool?[] values) =>
        new(new(name, ParquetType.Boolean, true), Densify(values, out var nulls), nulls);

    public override PhysicalType PhysicalType => PhysicalType.Boolean;

    public override bool IsNull(int row) => nulls is not null && nulls[row];

    public override void WritePlain(int start, int count, IBufferWriter<byte> destination)
    {
        var present = count - CountNulls(start, count);
        var byteCount = (present + 7) / 8;
        var span = destination.GetSpan(byteCount)[..byteCount];
        span.Clear();
        var bit = 0;
        for (var row = start; row < start + count; row++)
        {
            if (IsNull(row))
            {
                continue;
            }

            if (values[row])
            {
                span[bit >> 3] |= (byte)(1 << (bit & 7));
            }

            bit++;
        }

        destination.Advance(byteCount);
    }

    public override PlainBounds? FindBounds(int start, int count)
    {
        bool anyFalse = false, anyTrue = false;
        for (var row = start; row < start + count; row++)
        {
            if (!IsNull(row))
            {
                anyTrue |= values[row];
                anyFalse |= !values[row];
            }
        }

        if (!anyFalse && !anyTrue)
        {
            return null;
        }

        return new PlainBounds([anyFalse ? (byte)0 : (byte)1], [anyTrue ? (byte)1 : (byte)0]);
    }
}
