using System.Buffers.Binary;

namespace OrleansSweep.Parquet.Reading;

/// <summary>INT32: PLAIN is 4 bytes little-endian.</summary>
internal sealed class Int32Assembler(int rowCount) : NullableValueAssembler<int>(rowCount)
{
    protected override int MinPlainBits => 32;

    protected override void DecodePlain(ReadOnlySpan<byte> data, Span<int> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = BinaryPrimitives.ReadInt32LittleEndian(data[(4 * i)..]);
        }
    }
}
