namespace OrleansSweep.Parquet;

/// <summary>What a Parquet file's footer says: schema, row count, row groups and key-value metadata.</summary>
/// <param name="Columns">The flat columns in file order.</param>
/// <param name="RowCount">Total rows (FileMetaData.num_rows).</param>
/// <param name="RowGroups">Row groups in file order.</param>
/// <param name="KeyValueMetadata">Footer key-value pairs (a missing value reads as ""; a repeated key keeps the last).</param>
/// <param name="CreatedBy">The writer's created_by string, if any.</param>
/// <param name="FileLength">File size in bytes.</param>
public sealed record ParquetFileInfo(
    IReadOnlyList<ParquetColumn> Columns,
    long RowCount,
    IReadOnlyList<ParquetRowGroupInfo> RowGroups,
    IReadOnlyDictionary<string, string> KeyValueMetadata,
    string? CreatedBy,
    long FileLength);

/// <summary>One row group.</summary>
/// <param name="RowCount">Rows in the group.</param>
/// <param name="Columns">Its column chunks, in column order.</param>
/// <param name="TotalByteSize">Uncompressed bytes of its column chunks, page headers included.</param>
public sealed record ParquetRowGroupInfo(long RowCount, long TotalByteSize, IReadOnlyList<ParquetColumnChunkInfo> Columns);

/// <summary>One column chunk.</summary>
/// <param name="Name">Column path, parts joined by '.'.</param>
/// <param name="Compression">Codec; null for codecs this library does not write.</param>
/// <param name="ValueCount">Values including nulls.</param>
/// <param name="NullCount">From the statistics; null when the file has none.</param>
/// <param name="DataPageOffset">Byte offset of the first data page.</param>
/// <param name="CompressedSize">Stored bytes, page headers included.</param>
/// <param name="UncompressedSize">Bytes before compression, page headers included.</param>
public sealed record ParquetColumnChunkInfo(
    string Name,
    ParquetCompression? Compression,
    long ValueCount,
    long? NullCount,
    long DataPageOffset,
    long CompressedSize,
    long UncompressedSize);
