using OrleansSweep.Parquet.Format;
using OrleansSweep.Parquet.Reading;

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
    public static ParquetFileInfo Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        var footer = ParquetFooter.Read(stream, path);
        return ToInfo(footer.Metadata, footer.FileLength);
    }

    internal static ParquetFileInfo ToInfo(FileMetaData metadata, long fileLength)
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
