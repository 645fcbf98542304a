using System.Buffers.Binary;
using OrleansSweep.Parquet.Format;
using OrleansSweep.Parquet.Thrift;
using OrleansSweep.Parquet.Writing;

namespace OrleansSweep.Parquet;

/// <summary>Reads a Parquet file's footer (not its data): schema, row counts, chunk sizes, key-value metadata.</summary>
/// <remarks>
/// Reads two small ranges: the last 8 bytes (footer length and "PAR1") and the footer itself, after checking the
/// leading "PAR1". Files from other writers are read too, as long as their schema is flat and uses the types of
/// <see cref="ParquetType"/>. Failure modes: <see cref="FileNotFoundException"/>; <see cref="InvalidDataException"/>
/// for a file that is not Parquet, is truncated, has a corrupt footer or an unsupported schema.
/// </remarks>
public static class ParquetFileInspector
{
    private const int TrailerLength = 8;

    public static ParquetFileInfo Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        var length = stream.Length;
        var magic = ParquetStreamWriter.Magic;
        if (length < magic.Length + TrailerLength)
        {
            throw new InvalidDataException($"'{path}' is too short ({length} bytes) to be a Parquet file.");
        }

        Span<byte> head = stackalloc byte[magic.Length];
        stream.ReadExactly(head);
        Span<byte> trailer = stackalloc byte[TrailerLength];
        stream.Seek(length - TrailerLength, SeekOrigin.Begin);
        stream.ReadExactly(trailer);
        if (!head.SequenceEqual(magic) || !trailer[sizeof(int)..].SequenceEqual(magic))
        {
            throw new InvalidDataException($"'{path}' does not start and end with the Parquet magic \"PAR1\".");
        }

        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(trailer);
        if (footerLength <= 0 || footerLength > length - magic.Length - TrailerLength)
        {
            throw new InvalidDataException($"'{path}' declares a footer of {footerLength} bytes in a {length}-byte file.");
        }

        var footer = new byte[footerLength];
        stream.Seek(length - TrailerLength - footerLength, SeekOrigin.Begin);
        stream.ReadExactly(footer);
        var metadata = MetadataDeserializer.ReadFileMetaData(new ThriftCompactReader(footer));
        return ToInfo(metadata, length);
    }

    private static ParquetFileInfo ToInfo(FileMetaData metadata, long fileLength)
    {
        var keyValues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in metadata.KeyValueMetadata)
        {
            keyValues[pair.Key] = pair.Value ?? string.Empty;
        }

        var rowGroups = metadata.RowGroups
            .Select(group => new ParquetRowGroupInfo(
                group.NumRows,
                group.TotalByteSize,
                group.Columns.Select(chunk => ToInfo(chunk.MetaData)).ToList()))
            .ToList();
        return new ParquetFileInfo(
            SchemaMapping.FromSchema(metadata.Schema),
            metadata.NumRows,
            rowGroups,
            keyValues,
            metadata.CreatedBy,
            fileLength);
    }

    private static ParquetColumnChunkInfo ToInfo(ColumnMetaData meta) => new(
        string.Join('.', meta.PathInSchema),
        meta.Codec switch
        {
            CompressionCodec.Uncompressed => ParquetCompression.Uncompressed,
            CompressionCodec.Snappy => ParquetCompression.Snappy,
            _ => null,
        },
        meta.NumValues,
        meta.Statistics?.NullCount,
        meta.DataPageOffset,
        meta.TotalCompressedSize,
        meta.TotalUncompressedSize);
}
