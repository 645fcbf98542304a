using IronSnappy;
using OrleansSweep.Parquet.Format;

namespace OrleansSweep.Parquet.Writing;

/// <summary>Compresses one page body with the chunk's codec.</summary>
internal static class PageCompressor
{
    /// <remarks>UNCOMPRESSED returns the input itself; SNAPPY returns a new raw (unframed) Snappy block,
    /// which is what Parquet's SNAPPY codec means.</remarks>
    public static ReadOnlyMemory<byte> Compress(CompressionCodec codec, ReadOnlyMemory<byte> body) => codec switch
    {
        CompressionCodec.Uncompressed => body,
        CompressionCodec.Snappy => Snappy.Encode(body.Span),
        _ => throw new NotSupportedException($"Codec {codec} is not supported by this writer."),
    };
}
