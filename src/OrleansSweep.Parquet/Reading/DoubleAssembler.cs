using System.Buffers.Binary;

namespace OrleansSweep.Parquet.Reading;

/// <summary>DOUBLE: PLAIN is the 8 bytes of the IEEE 754 value, little-endian, taken as they are so that NaN
/// payloads, ±∞ and −0.0 survive bit for bit.</summary>
internal sealed class DoubleAssembler(int rowCount) : NullableValueAssembler<double>(rowCount)
{
    protected override int MinPlainBits => 64;

    protected override void DecodePlain(ReadOnlySpan<byte> data, Span<double> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(data[(8 * i)..]));
        }
    }
}
