using System.Buffers;
using System.Buffers.Binary;
using OrleansSweep.Parquet.Columns;
using OrleansSweep.Parquet.Encodings;
using OrleansSweep.Parquet.Format;
using OrleansSweep.Parquet.Thrift;

namespace OrleansSweep.Parquet.Writing;

/// <summary>Writes one column chunk (a column's rows within one row group) as data pages v1.</summary>
/// <remarks>
/// Each page is [definition levels][values], compressed as one block; a REQUIRED column has no levels, an OPTIONAL
/// one has max definition level 1: the RLE/bit-packed hybrid at bit width 1 behind a 4-byte little-endian
/// length. There are no repetition levels (flat schema). Values are PLAIN. Pages hold at most
/// <see cref="MaxRowsPerPage"/> rows. Buffers are reused across chunks; not thread-safe.
/// </remarks>
internal sealed class ColumnChunkWriter(CompressionCodec codec)
{
    public const int MaxRowsPerPage = 8192;

    private static readonly PageEncoding[] ChunkEncodings = [PageEncoding.Plain, PageEncoding.Rle];

    private readonly ArrayBufferWriter<byte> body = new(1 << 16);
    private readonly ArrayBufferWriter<byte> levels = new(1 << 10);
    private readonly ArrayBufferWriter<byte> header = new(64);
    private readonly byte[] levelScratch = new byte[MaxRowsPerPage];

    /// <summary>Writes rows [start, start + count) of <paramref name="values"/> at the stream's position.</summary>
    /// <returns>The chunk's metadata: offsets, sizes (headers included), value count and statistics.</returns>
    public ColumnChunk Write(Stream output, ColumnValues values, int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var chunkStart = output.Position;
        long uncompressedTotal = 0, compressedTotal = 0;
        for (var pageStart = start; pageStart < start + count; pageStart += MaxRowsPerPage)
        {
            var rows = Math.Min(MaxRowsPerPage, start + count - pageStart);
            EncodePage(values, pageStart, rows);
            var stored = PageCompressor.Compress(codec, body.WrittenMemory);
            var pageHeader = new PageHeader(
                PageType.DataPage,
                body.WrittenCount,
                stored.Length,
                new DataPageHeader(rows, PageEncoding.Plain, PageEncoding.Rle, PageEncoding.Rle));
            header.Clear();
            MetadataSerializer.Write(new ThriftCompactWriter(header), pageHeader);
            output.Write(header.WrittenSpan);
            output.Write(stored.Span);
            uncompressedTotal += header.WrittenCount + body.WrittenCount;
            compressedTotal += header.WrittenCount + stored.Length;
        }

        var metadata = new ColumnMetaData(
            values.PhysicalType,
            ChunkEncodings,
            [values.Column.Name],
            codec,
            NumValues: count,
            uncompressedTotal,
            compressedTotal,
            DataPageOffset: chunkStart,
            ChunkStatistics.Compute(values, start, count));
        return new ColumnChunk(chunkStart, metadata);
    }

    private void EncodePage(ColumnValues values, int start, int rows)
    {
        body.Clear();
        if (values.Column.Nullable)
        {
            var definition = levelScratch.AsSpan(0, rows);
            for (var i = 0; i < rows; i++)
            {
                definition[i] = values.IsNull(start + i) ? (byte)0 : (byte)1;
            }

            levels.Clear();
            RleBitPackedHybridEncoder.Encode(definition, bitWidth: 1, levels);
            BinaryPrimitives.WriteInt32LittleEndian(body.GetSpan(sizeof(int)), levels.WrittenCount);
            body.Advance(sizeof(int));
            body.Write(levels.WrittenSpan);
        }

        values.WritePlain(start, rows, body);
    }
}
