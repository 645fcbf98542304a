using System.Buffers.Binary;
using OrleansSweep.Parquet.Format;

namespace OrleansSweep.Parquet.Columns;

internal sealed class Int64Values(ParquetColumn column, long[] values, bool[]? nulls)
    : FixedWidthValues<long>(column, values, nulls)
{
    public static Int64Values Required(string name, long[] values) => new(new(name, ParquetType.Int64, false), values, null);

    public static Int64Values Optional(string name, long?[] values) =>
        new(new(name, ParquetType.Int64, true), Densify(values, out var nulls), nulls);

    public override PhysicalType PhysicalType => PhysicalType.Int64;

    protected override int Width => sizeof(long);

    protected override void WriteValue(Span<byte> destination, long value) =>
        BinaryPrimitives.WriteInt64LittleEndian(destination, value);
}
