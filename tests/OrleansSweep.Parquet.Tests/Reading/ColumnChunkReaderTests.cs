using OrleansSweep.Parquet.Format;
using OrleansSweep.Parquet.Tests.Support;
using static OrleansSweep.Parquet.Tests.Support.SyntheticPages;

namespace OrleansSweep.Parquet.Tests.Reading;

/// <summary>Page kinds this library's writer never produces, built page by page: DATA_PAGE_V2, dictionary pages
/// with PLAIN fallback pages, bit width 0 indices, RLE booleans.</summary>
public sealed class ColumnChunkReaderTests : IDisposable
{
    private static readonly SchemaElement OptionalInt32 = new("x", PhysicalType.Int32, FieldRepetitionType.Optional);

    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(ParquetCompression.Snappy, true)]
    [InlineData(ParquetCompression.Snappy, false)]
    [InlineData(ParquetCompression.Uncompressed, true)]
    public void Data_pages_v2_with_nulls_read_for_each_codec(ParquetCompression compression, bool compressValues)
    {
        var codec = compression == ParquetCompression.Snappy ? CompressionCodec.Snappy : CompressionCodec.Uncompressed;
        int?[] first = [1, null, 3, null, null, -6, int.MaxValue, int.MinValue, null, 10];
        int?[] second = [null, 8];
        var file = SyntheticFile.Build(OptionalInt32, codec, first.Length + second.Length,
        [
            V2Int32(codec, first, compressValues),
            V2Int32(codec, second, compressValues),
        ]);

        var data = Read(file);

        Assert.Equal([.. first, .. second], (int?[])data.Columns[0]);
    }

    [Fact]
    public void A_required_column_in_data_pages_v2_has_no_levels()
    {
        var leaf = new SchemaElement("s", PhysicalType.ByteArray, FieldRepetitionType.Required, ConvertedType: ConvertedType.Utf8);
        string[] values = ["α", "", "😀 z"];
        var file = SyntheticFile.Build(leaf, CompressionCodec.Snappy, 3,
            [DataV2(CompressionCodec.Snappy, 3, 0, PageEncoding.Plain, [], PlainStrings(values))]);

        Assert.Equal(values, (string?[])Read(file).Columns[0]);
    }

    [Fact]
    public void Dictionary_pages_mix_with_plain_fallback_pages_in_one_chunk()
    {
        // As parquet-mr writes once a dictionary grows too large: dictionary-encoded pages, then PLAIN pages.
        var leaf = new SchemaElement("s", PhysicalType.ByteArray, FieldRepetitionType.Optional, IsStringLogicalType: true);
        var codec = CompressionCodec.Snappy;
        var file = SyntheticFile.Build(leaf, codec, 9,
        [
            Dictionary(codec, 3, PlainStrings("a", "日本", "")),
            DataV1(codec, 6, PageEncoding.RleDictionary, Levels([true, false, true, true, false, true]), Indices(2, 1, 0, 2, 1)),
            DataV1(codec, 3, PageEncoding.Plain, Levels([false, true, true]), PlainStrings("new", "日本")),
        ]);

        string?[] expected = ["日本", null, "a", "", null, "日本", null, "new", "日本"];
        Assert.Equal(expected, (string?[])Read(file).Columns[0]);
    }

    [Fact]
    public void A_one_entry_dictionary_uses_index_bit_width_zero()
    {
        var leaf = new SchemaElement("l", PhysicalType.Int64, FieldRepetitionType.Required);
        var dictionary = BitConverter.GetBytes(-42L);
        byte[] indices = [0, 5 << 1]; // bit width 0, then one RLE run of 5 (no value bytes at width 0)
        var file = SyntheticFile.Build(leaf, CompressionCodec.Uncompressed, 5,
        [
            Dictionary(CompressionCodec.Uncompressed, 1, dictionary),
            DataV1(CompressionCodec.Uncompressed, 5, PageEncoding.PlainDictionary, null, indices),
        ]);

        Assert.Equal(Enumerable.Repeat((long?)-42, 5), (long?[])Read(file).Columns[0]);
    }

    [Fact]
    public void RLE_encoded_booleans_read_in_both_page_versions()
    {
        var leaf = new SchemaElement("b", PhysicalType.Boolean, FieldRepetitionType.Optional);
        var codec = CompressionCodec.Snappy;
        var run = Enumerable.Repeat(true, 20).Concat([false, true, false]).ToArray();
        var file = SyntheticFile.Build(leaf, codec, 25,
        [
            DataV1(codec, 24, PageEncoding.Rle, Levels(Enumerable.Range(0, 24).Select(i => i != 3)), RleBooleans(run)),
            DataV2(codec, 1, 0, PageEncoding.Rle, Levels([true]), RleBooleans(false)),
        ]);

        bool?[] expected = [.. run[..3], null, .. run[3..], false];
        Assert.Equal(expected, (bool?[])Read(file).Columns[0]);
    }

    private static SyntheticPage V2Int32(CompressionCodec codec, int?[] values, bool compressValues) => DataV2(
        codec,
        values.Length,
        values.Count(v => v is null),
        PageEncoding.Plain,
        Levels(values.Select(v => v is not null)),
        PlainInt32([.. values.OfType<int>()]),
        compressValues);

    private ParquetData Read(byte[] file)
    {
        var path = folder.File($"{Guid.NewGuid():N}.parquet");
        File.WriteAllBytes(path, file);
        return ParquetFileReader.Read(path);
    }
}
