using IronSnappy;
using OrleansSweep.Parquet.Format;

namespace OrleansSweep.Parquet.Reading;

/// <summary>Decompresses one stored page (or, for DATA_PAGE_V2, its values section) with the chunk's codec.</summary>
/// <remarks>
/// The declared uncompressed size is untrusted, so it is checked before anything is allocated: UNCOMPRESSED must
/// store exactly that many bytes; SNAPPY must declare it in its own length preamble too, and cannot expand more
/// than <see cref="MaxSnappyExpansion"/>-fold (its densest element is a 3-byte copy of 64 bytes). Failure modes:
/// <see cref="InvalidDataException"/> for corrupt data and for codecs other than UNCOMPRESSED and SNAPPY.
/// </remarks>
internal static class PageDecompressor
{
    public const int MaxSnappyExpansion = 22;

    public static ReadOnlyMemory<byte> Decompress(CompressionCodec codec, ReadOnlyMemory<byte> stored, int uncompressedSize)
    {
        if (uncompressedSize < 0)
        {
            throw new InvalidDataException($"A page declares a negative uncompressed size ({uncompressedSize}).");
        }

        switch (codec)
        {
            case CompressionCodec.Uncompressed:
                if (stored.Length != uncompressedSize)
                {
                    throw new InvalidDataException(
                        $"An uncompressed page stores {stored.Length} bytes but declares {uncompressedSize}.");
                }

                return stored;
            case CompressionCodec.Snappy:
                return DecodeSnappy(stored.Span, uncompressedSize);
            default:
                throw new InvalidDataException($"Compression codec {FormatNames.Of<CompressionCodec>(codec)} is not supported (only UNCOMPRESSED and SNAPPY).");
        }
    }

    private static byte[] DecodeSnappy(ReadOnlySpan<byte> stored, int uncompressedSize)
    {
        if (uncompressedSize > (long)MaxSnappyExpansion * stored.Length)
        {
            throw new InvalidDataException(
                $"A SNAPPY page of {stored.Length} bytes cannot hold the {uncompressedSize} bytes it declares.");
        }

        var preamble = ReadPreamble(stored);
        if (preamble != (ulong)uncompressedSize)
        {
            throw new InvalidDataException(
                $"A SNAPPY page decodes to {preamble} bytes but its header declares {uncompressedSize}.");
        }

        try
        {
            return Snappy.Decode(stored);
        }
        // IronSnappy reports some malformed blocks as NotImplementedException (seen in the byte-flip fuzz test).
        catch (Exception exception) when (exception is IOException or ArgumentException or IndexOutOfRangeException or NotImplementedException)
        {
            throw new InvalidDataException($"A SNAPPY page is corrupt ({exception.Message}).", exception);
        }
    }

    /// <summary>The Snappy block's leading varint: the decoded length.</summary>
    private static ulong ReadPreamble(ReadOnlySpan<byte> stored)
    {
        ulong value = 0;
        for (var i = 0; i < Math.Min(stored.Length, 5); i++)
        {
            value |= (ulong)(stored[i] & 0x7F) << (7 * i);
            if (stored[i] < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("A SNAPPY page has no valid length preamble.");
    }
}
