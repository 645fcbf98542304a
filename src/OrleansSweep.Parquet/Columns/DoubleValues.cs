using System.Buffers.Binary;
using OrleansSweep.Parquet.Format;

namespace OrleansSweep.Parquet.Columns;

/// <summary>DOUBLE values: any bit pattern (NaN, ±∞, −0) is stored as is.</summary>
/// <remarks>
/// Statistics follow parquet.thrift's rules for floating point (ColumnOrder notes): NaN never enters min or max;
/// a zero min is written as −0.0 and a zero max as +0.0, so a reader filtering on the bounds cannot miss
/// either signed zero.
/// </remarks>
internal sealed class DoubleValues(ParquetColumn column, double[] values, bool[]? nulls)
    : FixedWidthValues<double>(column, values, nulls)
{
    public static DoubleValues Required(string name, double[] values) => new(new(name, ParquetType.Double, false), values, null);

    public static DoubleValues Optional(string name, double?[] values) =>
        new(new(name, ParquetType.Double, true), Densify(values, out var nulls), nulls);

    public override PhysicalType PhysicalType => PhysicalType.Double;

    protected override int Width => sizeof(double);

    protected override void WriteValue(Span<byte> destination, double value) =>
        BinaryPrimitives.WriteDoubleLittleEndian(destination, value);

    protected override bool IsOrdered(double value) => !double.IsNaN(value);

    protected override (double Min, double Max) Normalize(double min, double max) =>
        (min == 0.0 ? -0.0 : min, max == 0.0 ? 0.0 : max);
}
