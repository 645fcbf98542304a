using System.Buffers.Binary;
using OrleansSweep.Parquet.Format;

namespace OrleansSweep.Parquet.Columns;

internal sealed class Int32Values(ParquetColumn column, int[] values, bool[]? nulls)
    : FixedWidthValues<int>(column, values, nulls)
{
    public static Int32Values Required(string name, int[] values) => new(new(name, ParquetType.Int32, false), values, null);

    public static Int32Values Optional(string name, int?[] values) =>
        new(new(name, ParquetType.Int32, true), Densify(values, out var nulls), nulls);

    public override PhysicalType PhysicalType => PhysicalType.Int32;

    protected override int Width => sizeof(int);

    protected override void WriteValue(Span<byte> destination, int value) =>
        BinaryPrimitives.WriteInt32LittleEndian(destination, value);
}
