using System.Buffers;
using System.Buffers.Binary;
using System.Reflection;
using OrleansSweep.Parquet.Format;
using OrleansSweep.Parquet.Thrift;

namespace OrleansSweep.Parquet.Writing;

/// <summary>Lays a table out on a stream: magic, row groups of column chunks, footer, footer length, magic.</summary>
internal static class ParquetStreamWriter
{
    public static ReadOnlySpan<byte> Magic => "PAR1"u8;

    /// <summary>Format version written in the footer: 1, as data pages are v1 and no 2.x-only encoding is used.</summary>
    public const int FormatVersion = 1;

    public static FileMetaData Write(
        Stream output,
        ParquetTable table,
        IReadOnlyDictionary<string, string> keyValueMetadata,
        ParquetWriteOptions options,
        CancellationToken cancellationToken)
    {
        output.Write(Magic);
        var codec = options.Compression == ParquetCompression.Snappy ? CompressionCodec.Snappy : CompressionCodec.Uncompressed;
        var chunkWriter = new ColumnChunkWriter(codec);
        var rowGroups = new List<RowGroup>();
        var start = 0;
        while (start < table.RowCount)
        {
            var rows = Math.Min(options.RowGroupSize, table.RowCount - start);
            var groupStart = output.Position;
            var chunks = new List<ColumnChunk>(table.Values.Count);
            foreach (var column in table.Values)
            {
                cancellationToken.ThrowIfCancellationRequested();
                chunks.Add(chunkWriter.Write(output, column, start, rows));
            }

            rowGroups.Add(new RowGroup(
                chunks,
                TotalByteSize: chunks.Sum(chunk => chunk.MetaData.TotalUncompressedSize),
                NumRows: rows,
                FileOffset: groupStart,
                TotalCompressedSize: chunks.Sum(chunk => chunk.MetaData.TotalCompressedSize)));
            start += rows;
        }

        var metadata = new FileMetaData(
            FormatVersion,
            SchemaMapping.ToSchema(table.Columns),
            table.RowCount,
            rowGroups,
            keyValueMetadata.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new KeyValue(pair.Key, pair.Value)).ToList(),
            options.CreatedBy ?? DefaultCreatedBy());

        var footer = new ArrayBufferWriter<byte>(4096);
        MetadataSerializer.Write(new ThriftCompactWriter(footer), metadata);
        output.Write(footer.WrittenSpan);
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, footer.WrittenCount);
        output.Write(length);
        output.Write(Magic);
        return metadata;
    }

    /// <summary>"OrleansSweep version X (build H)" in the form parquet.thrift recommends for created_by.</summary>
    internal static string DefaultCreatedBy()
    {
        var assembly = typeof(ParquetStreamWriter).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? $"OrleansSweep version {informational}"
            : $"OrleansSweep version {informational[..plus]} (build {informational[(plus + 1)..]})";
    }
}
