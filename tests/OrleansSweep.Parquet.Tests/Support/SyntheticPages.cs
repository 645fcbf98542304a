using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using OrleansSweep.Parquet.Encodings;
using OrleansSweep.Parquet.Format;
using OrleansSweep.Parquet.Writing;

namespace OrleansSweep.Parquet.Tests.Support;

/// <summary>Page and value encoders for <see cref="SyntheticFile"/>.</summary>
internal static class SyntheticPages
{
    public static SyntheticPage DataV1(CompressionCodec codec, int numValues, PageEncoding encoding, byte[]? levels, byte[] values)
    {
        var body = levels is null ? values : [.. Int32(levels.Length), .. levels, .. values];
        var stored = PageCompressor.Compress(codec, body).ToArray();
        return new SyntheticPage(
            new PageHeader(PageType.DataPage, body.Length, stored.Length, new DataPageHeader(numValues, encoding, PageEncoding.Rle, PageEncoding.Rle)),
            stored);
    }

    public static SyntheticPage DataV2(
        CompressionCodec codec, int numValues, int numNulls, PageEncoding encoding, byte[] levels, byte[] values, bool compressValues = true)
    {
        var storedValues = compressValues ? PageCompressor.Compress(codec, values).ToArray() : values;
        var header = new DataPageHeaderV2(numValues, numNulls, numValues, encoding, levels.Length, 0, compressValues);
        return new SyntheticPage(
            new PageHeader(PageType.DataPageV2, levels.Length + values.Length, levels.Length + storedValues.Length, null, DataPageHeaderV2: header),
            [.. levels, .. storedValues]);
    }

    public static SyntheticPage Dictionary(CompressionCodec codec, int count, byte[] plainValues)
    {
        var stored = PageCompressor.Compress(codec, plainValues).ToArray();
        return new SyntheticPage(
            new PageHeader(PageType.DictionaryPage, plainValues.Length, stored.Length, null, new DictionaryPageHeader(count, PageEncoding.Plain)),
            stored);
    }

    /// <summary>Definition levels (0 null, 1 present) in the hybrid at bit width 1, without length prefix.</summary>
    public static byte[] Levels(IEnumerable<bool> present) => Hybrid(present.Select(p => p ? (byte)1 : (byte)0).ToArray(), 1);

    /// <summary>Dictionary indices as a data page's values: the bit width byte, then the hybrid.</summary>
    public static byte[] Indices(int bitWidth, params byte[] indices) => [(byte)bitWidth, .. Hybrid(indices, bitWidth)];

    /// <summary>RLE-encoded booleans as a data page's values: a 4-byte length, then the hybrid at bit width 1.</summary>
    public static byte[] RleBooleans(params bool[] values)
    {
        var hybrid = Hybrid(values.Select(v => v ? (byte)1 : (byte)0).ToArray(), 1);
        return [.. Int32(hybrid.Length), .. hybrid];
    }

    public static byte[] PlainInt32(params int[] values) => values.SelectMany(Int32).ToArray();

    public static byte[] PlainStrings(params string[] values) =>
        values.SelectMany(v => (byte[])[.. Int32(Encoding.UTF8.GetByteCount(v)), .. Encoding.UTF8.GetBytes(v)]).ToArray();

    public static byte[] Int32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Hybrid(byte[] values, int bitWidth)
    {
        var buffer = new ArrayBufferWriter<byte>();
        if (bitWidth > 0)
        {
            RleBitPackedHybridEncoder.Encode(values, bitWidth, buffer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
