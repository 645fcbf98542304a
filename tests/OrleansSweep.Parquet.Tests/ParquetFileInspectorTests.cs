using System.Globalization;
using OrleansSweep.Parquet.Tests.Readers;
using OrleansSweep.Parquet.Tests.Support;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Parquet.Tests;

/// <summary>The inspector's own footer read agrees with what was written and with DuckDB's view of the footer.</summary>
public sealed class ParquetFileInspectorTests(ParquetReadersFixture fixture) : IClassFixture<ParquetReadersFixture>, IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Uncompressed)]
    public void Footer_read_back_agrees_with_what_was_written_and_with_DuckDB(ParquetCompression compression)
    {
        var random = new RandomStream(77);
        const int Rows = 2500;
        const int RowGroupSize = 1000;
        var expected = new ExpectedTable(Rows)
            .Int32("i", SampleData.Int32s(random, Rows))
            .Int64("l", SampleData.WithNulls(random, SampleData.Int64s(random, Rows), 0.25))
            .Double("d", SampleData.Doubles(random, Rows))
            .Boolean("b", SampleData.WithNulls(random, SampleData.Booleans(random, Rows), 0.25))
            .Utf8("s", SampleData.Strings(random, Rows), nullable: false);
        var metadata = new Dictionary<string, string> { ["a"] = "1", ["spec"] = "{\"gH\":1.5}", ["ü"] = "日本" };
        var path = folder.File("inspect.parquet");
        ParquetFileWriter.Write(path, expected.Table, metadata, new ParquetWriteOptions(compression, RowGroupSize, "inspector-test"));

        var info = ParquetFileInspector.Read(path);

        Assert.Equal(expected.Table.Columns, info.Columns);
        Assert.Equal(Rows, info.RowCount);
        Assert.Equal(metadata.OrderBy(p => p.Key, StringComparer.Ordinal), info.KeyValueMetadata.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal("inspector-test", info.CreatedBy);
        Assert.Equal(new FileInfo(path).Length, info.FileLength);
        Assert.Equal([1000L, 1000L, 500L], info.RowGroups.Select(group => group.RowCount));

        var duck = fixture.Readers.Read(ReaderKind.DuckDb, path);
        var chunks = info.RowGroups.SelectMany(group => group.Columns).ToList();
        Assert.Equal(duck.Chunks.Count, chunks.Count);
        for (var k = 0; k < chunks.Count; k++)
        {
            var (chunk, row) = (chunks[k], duck.Chunks[k]);
            var (group, c) = (k / expected.Columns.Count, k % expected.Columns.Count);
            var start = group * RowGroupSize;
            var rows = Math.Min(RowGroupSize, Rows - start);
            var nulls = expected.Columns[c].Values.AsSpan(start, rows).ToArray().Count(v => v is null);

            Assert.Equal(expected.Columns[c].Column.Name, chunk.Name);
            Assert.Equal(compression, chunk.Compression);
            Assert.Equal(rows, chunk.ValueCount);
            Assert.Equal(nulls, chunk.NullCount);
            Assert.Equal(Long(row["data_page_offset"].GetString()), chunk.DataPageOffset);
            Assert.Equal(Long(row["total_compressed_size"].GetString()), chunk.CompressedSize);
            Assert.Equal(Long(row["total_uncompressed_size"].GetString()), chunk.UncompressedSize);
            if (compression == ParquetCompression.Uncompressed)
            {
                Assert.Equal(chunk.UncompressedSize, chunk.CompressedSize);
            }
        }

        // Chunks tile the file: each starts where the previous ended, from byte 4 (after "PAR1") on.
        var offset = 4L;
        foreach (var chunk in chunks)
        {
            Assert.Equal(offset, chunk.DataPageOffset);
            offset += chunk.CompressedSize;
        }

        Assert.All(info.RowGroups, group => Assert.Equal(group.Columns.Sum(chunk => chunk.UncompressedSize), group.TotalByteSize));
    }

    [Fact]
    public void Empty_table_reads_back_as_schema_without_row_groups()
    {
        var path = folder.File("empty.parquet");
        var table = new ParquetTable(0).AddDouble("d", Array.Empty<double?>()).AddUtf8("s", [], nullable: false);
        ParquetFileWriter.Write(path, table, new Dictionary<string, string> { ["k"] = "v" });

        var info = ParquetFileInspector.Read(path);

        Assert.Equal(table.Columns, info.Columns);
        Assert.Equal(0, info.RowCount);
        Assert.Empty(info.RowGroups);
        Assert.Equal("v", info.KeyValueMetadata["k"]);
    }

    [Fact]
    public void A_file_that_is_not_Parquet_is_invalid_data()
    {
        var path = folder.File("text.parquet");
        File.WriteAllText(path, "this is certainly not a parquet file");
        Assert.Throws<InvalidDataException>(() => ParquetFileInspector.Read(path));

        File.WriteAllBytes(path, "PAR1"u8.ToArray());
        Assert.Throws<InvalidDataException>(() => ParquetFileInspector.Read(path));
    }

    [Fact]
    public void A_truncated_or_corrupted_footer_is_invalid_data()
    {
        var path = folder.File("good.parquet");
        ParquetFileWriter.Write(path, new ParquetTable(3).AddInt32("x", [1, 2, 3]), new Dictionary<string, string>());
        var bytes = File.ReadAllBytes(path);

        var truncated = folder.File("truncated.parquet");
        File.WriteAllBytes(truncated, bytes[..^3]);
        Assert.Throws<InvalidDataException>(() => ParquetFileInspector.Read(truncated));

        // A footer length larger than the file.
        var oversized = (byte[])bytes.Clone();
        oversized[^8] = 0xFF;
        oversized[^7] = 0xFF;
        var lying = folder.File("lying.parquet");
        File.WriteAllBytes(lying, oversized);
        Assert.Throws<InvalidDataException>(() => ParquetFileInspector.Read(lying));

        // A footer cut short: keep the length but drop its first half (the thrift struct then runs off the end).
        var footerLength = BitConverter.ToInt32(bytes, bytes.Length - 8);
        var footerStart = bytes.Length - 8 - footerLength;
        var shortened = bytes[..footerStart].Concat(bytes[(footerStart + footerLength / 2)..]).ToArray();
        var cut = folder.File("cut.parquet");
        File.WriteAllBytes(cut, shortened);
        Assert.Throws<InvalidDataException>(() => ParquetFileInspector.Read(cut));
    }

    private static long Long(string? text) => long.Parse(text!, CultureInfo.InvariantCulture);
}
