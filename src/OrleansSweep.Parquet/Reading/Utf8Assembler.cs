using System.Buffers.Binary;
using System.Text;
using OrleansSweep.Parquet.Columns;

namespace OrleansSweep.Parquet.Reading;

/// <summary>UTF8: PLAIN is a 4-byte little-endian length, then that many bytes, which must be well-formed UTF-8.</summary>
/// <remarks>Strings decoded from a dictionary are shared between the rows that use them (they are immutable).</remarks>
internal sealed class Utf8Assembler(int rowCount) : ColumnAssembler<string, string?>(rowCount)
{
    protected override int MinPlainBits => 32;

    protected override string? Wrap(string value) => value;

    protected override void DecodePlain(ReadOnlySpan<byte> data, Span<string> destination)
    {
        var position = 0;
        for (var i = 0; i < destination.Length; i++)
        {
            if (data.Length - position < sizeof(int))
            {
                throw new InvalidDataException($"A string's length prefix is cut off (value {i} of {destination.Length}).");
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(data[position..]);
            position += sizeof(int);
            if (length < 0 || length > data.Length - position)
            {
                throw new InvalidDataException($"A string declares {length} bytes where {data.Length - position} remain.");
            }

            destination[i] = Decode(data.Slice(position, length));
            position += length;
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Utf8Text.Strict.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            throw new InvalidDataException("A string column holds bytes that are not valid UTF-8.", exception);
        }
    }
}
