using System.Buffers.Binary;
using IronSnappy;
using OrleansSweep.Parquet.Format;
using OrleansSweep.Parquet.Tests.Support;
using OrleansSweep.Parquet.Thrift;
using OrleansSweep.Parquet.Writing;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Parquet.Tests.Writing;

/// <summary>Walks every page of a written file and checks it against the footer: the bookkeeping readers rely on.</summary>
public sealed class PageLayoutTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(ParquetCompression.Snappy, 20_000, 65_536)]
    [InlineData(ParquetCompression.Uncompressed, 20_000, 9_000)]
    [InlineData(ParquetCompression.Snappy, 8_192, 8_192)]
    public void Pages_add_up_to_the_sizes_and_counts_in_the_footer(ParquetCompression compression, int rows, int rowGroupSize)
    {
        var random = new RandomStream((ulong)rows + (ulong)rowGroupSize);
        var table = new ParquetTable(rows)
            .AddInt64("l", SampleData.Int64s(random, rows))
            .AddDouble("d", SampleData.WithNulls(random, SampleData.Doubles(random, rows), 0.3))
            .AddUtf8("s", SampleData.WithNulls(random, SampleData.Strings(random, rows), 0.3), nullable: true);
        var path = folder.File("pages.parquet");
        ParquetFileWriter.Write(path, table, new Dictionary<string, string>(), new ParquetWriteOptions(compression, rowGroupSize));
        var bytes = File.ReadAllBytes(path);
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
        var metadata = MetadataDeserializer.ReadFileMetaData(new ThriftCompactReader(bytes.AsMemory(bytes.Length - 8 - footerLength, footerLength)));

        Assert.Equal(rows, metadata.RowGroups.Sum(group => group.NumRows));
        foreach (var group in metadata.RowGroups)
        {
            Assert.Equal(group.Columns[0].MetaData.DataPageOffset, group.FileOffset);
            Assert.Equal(group.Columns.Sum(chunk => chunk.MetaData.TotalCompressedSize), group.TotalCompressedSize);
            foreach (var chunk in group.Columns)
            {
                var pages = WalkPages(bytes, chunk.MetaData, group.NumRows);
                var expectedPages = (group.NumRows + ColumnChunkWriter.MaxRowsPerPage - 1) / ColumnChunkWriter.MaxRowsPerPage;
                Assert.Equal(expectedPages, pages);
            }
        }
    }

    /// <returns>The number of pages in the chunk.</returns>
    private static int WalkPages(byte[] file, ColumnMetaData meta, long rowCount)
    {
        var position = meta.DataPageOffset;
        var end = meta.DataPageOffset + meta.TotalCompressedSize;
        long values = 0, uncompressed = 0, pages = 0;
        while (position < end)
        {
            var reader = new ThriftCompactReader(file.AsMemory((int)position, (int)(end - position)));
            var header = MetadataDeserializer.ReadPageHeader(reader);
            Assert.Equal(PageType.DataPage, header.Type);
            var data = header.DataPageHeader!;
            Assert.Equal(PageEncoding.Plain, data.Encoding);
            Assert.Equal(PageEncoding.Rle, data.DefinitionLevelEncoding);
            Assert.True(data.NumValues is > 0 and <= ColumnChunkWriter.MaxRowsPerPage);

            var stored = file.AsSpan((int)position + reader.Position, header.CompressedPageSize);
            var body = meta.Codec == CompressionCodec.Snappy ? Snappy.Decode(stored) : stored.ToArray();
            Assert.Equal(header.UncompressedPageSize, body.Length);

            values += data.NumValues;
            uncompressed += reader.Position + header.UncompressedPageSize;
            position += reader.Position + header.CompressedPageSize;
            pages++;
        }

        Assert.Equal(end, position);
        Assert.Equal(rowCount, values);
        Assert.Equal(meta.NumValues, values);
        Assert.Equal(meta.TotalUncompressedSize, uncompressed);
        return (int)pages;
    }
}
