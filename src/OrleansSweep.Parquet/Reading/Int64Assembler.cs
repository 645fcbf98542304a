using System.Buffers.Binary;

namespace OrleansSweep.Parquet.Reading;

/// <summary>INT64: PLAIN is 8 bytes little-endian.</summary>
internal sealed class Int64Assembler(int rowCount) : NullableValueAssembler<long>(rowCount)
{
    protected override int MinPlainBits => 64;

    protected override void DecodePlain(ReadOnlySpan<byte> data, Span<long> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = BinaryPrimitives.ReadInt64LittleEndian(data[(8 * i)..]);
        }
    }
}
