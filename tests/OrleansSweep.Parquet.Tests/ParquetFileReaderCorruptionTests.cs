using OrleansSweep.Parquet.Format;
using OrleansSweep.Parquet.Tests.Support;
using OrleansSweep.Science.Randomness;
using static OrleansSweep.Parquet.Tests.Support.SyntheticPages;

namespace OrleansSweep.Parquet.Tests;

/// <summary>Truncated, corrupted and lying files fail with <see cref="InvalidDataException"/> — never another
/// exception, never an allocation sized by a count the data does not back.</summary>
public sealed class ParquetFileReaderCorruptionTests : IDisposable
{
    /// <summary>Far above what reading these few-kilobyte files needs, far below what any lie below claims.</summary>
    private const long AllocationBound = 64L << 20;

    private const int Huge = 1 << 30;

    private static readonly SchemaElement RequiredInt32 = new("x", PhysicalType.Int32, FieldRepetitionType.Required);

    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Every_truncation_is_invalid_data()
    {
        var file = SmallFile(ParquetCompression.Snappy);
        var footerStart = file.Length - 8 - BitConverter.ToInt32(file, file.Length - 8);

        // Cut at the end (the trailer goes) and cut out the end of the data (the footer stays, its chunks overrun).
        for (var length = 0; length < file.Length; length++)
        {
            AssertInvalid(file[..length]);
        }

        for (var cut = 4; cut < footerStart; cut += 7)
        {
            AssertInvalid([.. file[..cut], .. file[footerStart..]]);
        }
    }

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Uncompressed)]
    public void Any_corrupted_byte_reads_or_fails_as_invalid_data_within_bounded_memory(ParquetCompression compression)
    {
        // Without checksums a changed value byte can read back as another value; anything else must be
        // InvalidDataException, with no allocation beyond what the file's own data backs.
        var file = SmallFile(compression);
        var random = new RandomStream(compression == ParquetCompression.Snappy ? 41UL : 43UL);
        var path = folder.File("corrupt.parquet");
        var failures = 0;
        for (var position = 0; position < file.Length; position++)
        {
            foreach (var mask in new[] { (byte)0xFF, (byte)(1 + random.NextUInt64() % 255) })
            {
                var corrupt = (byte[])file.Clone();
                corrupt[position] ^= mask;
                File.WriteAllBytes(path, corrupt);
                var before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    ParquetFileReader.Read(path);
                }
                catch (InvalidDataException)
                {
                    failures++;
                }

                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.True(allocated < AllocationBound, $"byte {position} ^ 0x{mask:X2}: allocated {allocated} bytes");
            }
        }

        Assert.True(failures > file.Length / 2, $"only {failures} of {2 * file.Length} corruptions were detected");
    }

    [Fact]
    public void Footer_counts_that_disagree_are_invalid_data()
    {
        var file = SmallFile(ParquetCompression.Snappy);

        AssertInvalid(SyntheticFile.EditFooter(file, m => m with { NumRows = m.NumRows + 1 }), "rows");
        AssertInvalid(SyntheticFile.EditFooter(file, m => SyntheticFile.EditChunks(m, c => c with { NumValues = c.NumValues - 1 })), "values");
        AssertInvalid(SyntheticFile.EditFooter(file, m => m with { RowGroups = [.. m.RowGroups.Select(g => g with { Columns = g.Columns.Take(1).ToList() })] }), "column chunks");
    }

    [Fact]
    public void Huge_row_counts_claimed_consistently_fail_without_allocating_for_them()
    {
        // Footer, row group and chunks all claim 2^30 rows; the first row group's pages hold 25. Reading fails
        // when the pages run out, having allocated for the 25 rows only.
        var file = SyntheticFile.EditFooter(SmallFile(ParquetCompression.Snappy), m => SyntheticFile.EditChunks(
            m with { NumRows = Huge, RowGroups = [m.RowGroups[0] with { NumRows = Huge }] },
            c => c with { NumValues = Huge }));

        AssertInvalid(file, "ends after 25 of its 1073741824 values");
    }

    [Fact]
    public void Chunks_outside_the_data_or_unlike_the_schema_are_invalid_data()
    {
        var file = SmallFile(ParquetCompression.Snappy);

        AssertInvalid(SyntheticFile.EditFooter(file, m => SyntheticFile.EditChunks(m, c => c with { TotalCompressedSize = c.TotalCompressedSize + 10_000 })), "outside");
        AssertInvalid(SyntheticFile.EditFooter(file, m => SyntheticFile.EditChunks(m, c => c with { DataPageOffset = 0 })), "outside");
        AssertInvalid(SyntheticFile.EditFooter(file, m => SyntheticFile.EditChunks(m, c => c with { DataPageOffset = long.MaxValue })), "outside");
        AssertInvalid(SyntheticFile.EditFooter(file, m => SyntheticFile.EditChunks(m, c => c with { PathInSchema = ["other"] })), "path");
        AssertInvalid(SyntheticFile.EditFooter(file, m => SyntheticFile.EditChunks(m, c => c with { Type = PhysicalType.Float })), "FLOAT");
        AssertInvalid(SyntheticFile.EditFooter(file, m => SyntheticFile.EditChunks(m, c => c with { Codec = CompressionCodec.Gzip })), "GZIP is not supported");
    }

    [Fact]
    public void Page_sizes_and_counts_the_bytes_cannot_hold_are_invalid_data()
    {
        var plain = PlainInt32(1, 2, 3);
        var honest = DataV1(CompressionCodec.Snappy, 3, PageEncoding.Plain, null, plain);

        // 2^30 values in 12 bytes, with the footer agreeing on 2^30 rows.
        AssertInvalid(Single(CompressionCodec.Snappy, Huge, DataV1(CompressionCodec.Snappy, Huge, PageEncoding.Plain, null, plain)), "cannot hold");

        // An uncompressed size beyond what Snappy can expand to, and one that disagrees with Snappy's own preamble.
        AssertInvalid(Single(CompressionCodec.Snappy, 3, honest with { Header = honest.Header with { UncompressedPageSize = Huge } }), "cannot hold");
        AssertInvalid(Single(CompressionCodec.Snappy, 3, honest with { Header = honest.Header with { UncompressedPageSize = 13 } }), "declares 13");

        // Stored sizes that disagree with the page or run past the chunk.
        var stored = DataV1(CompressionCodec.Uncompressed, 3, PageEncoding.Plain, null, plain);
        AssertInvalid(Single(CompressionCodec.Uncompressed, 3, stored with { Header = stored.Header with { UncompressedPageSize = 16 } }), "declares 16");
        AssertInvalid(Single(CompressionCodec.Uncompressed, 3, stored with { Header = stored.Header with { CompressedPageSize = 100 } }), "stored bytes");

        // A dictionary of 2^30 entries in 8 bytes.
        AssertInvalid(
            Single(CompressionCodec.Uncompressed, 1, Dictionary(CompressionCodec.Uncompressed, Huge, PlainInt32(7, 8)), DataV1(CompressionCodec.Uncompressed, 1, PageEncoding.PlainDictionary, null, Indices(1, 0))),
            "cannot hold");
    }

    [Fact]
    public void Bad_values_and_levels_are_invalid_data()
    {
        var none = CompressionCodec.Uncompressed;
        var optional = new SchemaElement("x", PhysicalType.Int32, FieldRepetitionType.Optional);
        var text = new SchemaElement("s", PhysicalType.ByteArray, FieldRepetitionType.Required, ConvertedType: ConvertedType.Utf8);

        AssertInvalid(Single(none, 2, Dictionary(none, 2, PlainInt32(7, 8)), DataV1(none, 2, PageEncoding.RleDictionary, null, Indices(2, 0, 3))), "outside the 2-entry dictionary");
        AssertInvalid(Single(none, 1, DataV1(none, 1, PageEncoding.RleDictionary, null, Indices(1, 0))), "without a dictionary page");
        AssertInvalid(Single(none, 2, DataV1(none, 1, PageEncoding.Plain, null, PlainInt32(1)), Dictionary(none, 1, PlainInt32(7)), DataV1(none, 1, PageEncoding.Plain, null, PlainInt32(1))), "before the data pages");
        AssertInvalid(SyntheticFile.Build(optional, none, 20, [DataV1(none, 20, PageEncoding.Plain, Levels(Enumerable.Repeat(true, 8)), PlainInt32(new int[20]))]), "definition levels");
        AssertInvalid(SyntheticFile.Build(optional, none, 2, [DataV2(none, 2, 0, PageEncoding.Plain, Levels([true, false]), PlainInt32(1))]), "nulls");
        AssertInvalid(SyntheticFile.Build(text, none, 1, [DataV1(none, 1, PageEncoding.Plain, null, [.. Int32(50), .. "abc"u8])]), "declares 50 bytes");
        AssertInvalid(SyntheticFile.Build(text, none, 1, [DataV1(none, 1, PageEncoding.Plain, null, [.. Int32(2), 0xC3, 0x28])]), "not valid UTF-8");
    }

    [Fact]
    public void Unsupported_page_features_fail_by_name()
    {
        var none = CompressionCodec.Uncompressed;
        var optional = new SchemaElement("x", PhysicalType.Int32, FieldRepetitionType.Optional);
        var bitPackedLevels = DataV1(none, 1, PageEncoding.Plain, Levels([true]), PlainInt32(1));
        var repeated = DataV2(none, 1, 0, PageEncoding.Plain, [], PlainInt32(1));

        AssertInvalid(Single(none, 1, DataV1(none, 1, PageEncoding.DeltaBinaryPacked, null, PlainInt32(1))), "DELTA_BINARY_PACKED encoding is not supported");
        AssertInvalid(Single(none, 1, DataV1(none, 1, PageEncoding.ByteStreamSplit, null, PlainInt32(1))), "BYTE_STREAM_SPLIT encoding is not supported");
        AssertInvalid(
            SyntheticFile.Build(optional, none, 1, [bitPackedLevels with { Header = bitPackedLevels.Header with { DataPageHeader = bitPackedLevels.Header.DataPageHeader! with { DefinitionLevelEncoding = PageEncoding.BitPacked } } }]),
            "BIT_PACKED definition levels are not supported");
        AssertInvalid(
            Single(none, 1, repeated with { Header = repeated.Header with { DataPageHeaderV2 = repeated.Header.DataPageHeaderV2! with { RepetitionLevelsByteLength = 1 } } }),
            "repetition levels");
        AssertInvalid(Single(CompressionCodec.Lz4Raw, 1, DataV1(none, 1, PageEncoding.Plain, null, PlainInt32(1))), "LZ4_RAW is not supported");
    }

    private static byte[] Single(CompressionCodec codec, long rows, params SyntheticPage[] pages) =>
        SyntheticFile.Build(RequiredInt32, codec, rows, pages);

    /// <summary>A ~1 KB file of three columns (nullable ints, nullable strings, doubles), 40 rows in two row groups.</summary>
    private byte[] SmallFile(ParquetCompression compression)
    {
        var random = new RandomStream(3);
        var table = new ParquetTable(40)
            .AddInt32("i", SampleData.WithNulls(random, SampleData.Int32s(random, 40), 0.3))
            .AddUtf8("s", SampleData.WithNulls(random, SampleData.Strings(random, 40), 0.3), nullable: true)
            .AddDouble("d", SampleData.Doubles(random, 40));
        var path = folder.File($"small-{compression}.parquet");
        ParquetFileWriter.Write(path, table, new Dictionary<string, string>(), new ParquetWriteOptions(compression, RowGroupSize: 25));
        return File.ReadAllBytes(path);
    }

    private void AssertInvalid(byte[] file, string? named = null)
    {
        var path = folder.File($"{Guid.NewGuid():N}.parquet");
        File.WriteAllBytes(path, file);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var exception = Assert.Throws<InvalidDataException>(() => ParquetFileReader.Read(path));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, AllocationBound);
        if (named is not null)
        {
            Assert.True(exception.Message.Contains(named, StringComparison.Ordinal), $"\"{named}\" is not in: {exception.Message}");
        }
    }
}
