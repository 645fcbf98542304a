using System.Buffers.Binary;
using OrleansSweep.Parquet.Format;

namespace OrleansSweep.Parquet.Reading;

/// <summary>BOOLEAN: PLAIN is one bit per value, LSB first; RLE (allowed for booleans) is a 4-byte length and
/// the hybrid at bit width 1.</summary>
internal sealed class BooleanAssembler(int rowCount) : NullableValueAssembler<bool>(rowCount)
{
    protected override int MinPlainBits => 1;

    protected override void DecodePlain(ReadOnlySpan<byte> data, Span<bool> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = ((data[i >> 3] >> (i & 7)) & 1) != 0;
        }
    }

    protected override ReadOnlySpan<bool> DecodeOther(ReadOnlySpan<byte> data, PageEncoding encoding, int count)
    {
        if (encoding != PageEncoding.Rle)
        {
            return base.DecodeOther(data, encoding, count);
        }

        var length = data.Length < sizeof(int) ? -1 : BinaryPrimitives.ReadInt32LittleEndian(data);
        if (length < 0 || length > data.Length - sizeof(int))
        {
            throw new InvalidDataException("An RLE boolean page has a missing or oversized length prefix.");
        }

        var bits = DecodeHybrid(data.Slice(sizeof(int), length), bitWidth: 1, count, "RLE booleans");
        var values = Stage(count);
        for (var i = 0; i < count; i++)
        {
            values[i] = bits[i] switch
            {
                0 => false,
                1 => true,
                _ => throw new InvalidDataException($"An RLE boolean page holds the value {bits[i]}."),
            };
        }

        return values;
    }
}
