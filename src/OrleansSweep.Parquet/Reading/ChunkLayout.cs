using OrleansSweep.Parquet.Format;
using OrleansSweep.Parquet.Writing;

namespace OrleansSweep.Parquet.Reading;

/// <summary>Checks the footer's row groups and column chunks against the schema and the file before any data is read.</summary>
/// <remarks>
/// For a flat schema every chunk of a row group holds exactly its rows (num_values counts nulls), the row groups add
/// up to num_rows, and every chunk lies between the leading magic and the footer. Failure modes:
/// <see cref="InvalidDataException"/> naming the inconsistency.
/// </remarks>
internal static class ChunkLayout
{
    /// <summary>The file's row count, checked against its row groups and the largest array .NET allows.</summary>
    public static int RowCount(FileMetaData metadata, int columnCount)
    {
        long sum = 0;
        foreach (var group in metadata.RowGroups)
        {
            if (group.NumRows < 0 || group.Columns.Count != columnCount)
            {
                throw new InvalidDataException(
                    $"A row group declares {group.NumRows} rows and {group.Columns.Count} column chunks for {columnCount} columns.");
            }

            sum += group.NumRows;
            if (sum > Array.MaxLength)
            {
                throw new InvalidDataException($"Files of more than {Array.MaxLength} rows are not supported.");
            }
        }

        if (sum != metadata.NumRows)
        {
            throw new InvalidDataException($"The footer declares {metadata.NumRows} rows but its row groups hold {sum}.");
        }

        return (int)sum;
    }

    /// <summary>Where a chunk's bytes are: from its first page (the dictionary page, if any) for total_compressed_size bytes.</summary>
    public static (long Start, int Length) Locate(ColumnMetaData meta, SchemaElement leaf, long groupRows, long footerStart)
    {
        if (meta.PathInSchema.Count != 1 || meta.PathInSchema[0] != leaf.Name)
        {
            throw new InvalidDataException($"A column chunk's path '{string.Join('.', meta.PathInSchema)}' does not match the schema.");
        }

        if (meta.Type != leaf.Type)
        {
            throw new InvalidDataException(
                $"A column chunk is {FormatNames.Of<PhysicalType>(meta.Type)} but the schema says {FormatNames.Of(leaf.Type)}.");
        }

        if (meta.Codec is not (CompressionCodec.Uncompressed or CompressionCodec.Snappy))
        {
            throw new InvalidDataException(
                $"Compression codec {FormatNames.Of<CompressionCodec>(meta.Codec)} is not supported (only UNCOMPRESSED and SNAPPY).");
        }

        if (meta.NumValues != groupRows)
        {
            throw new InvalidDataException($"A column chunk holds {meta.NumValues} values in a row group of {groupRows} rows.");
        }

        // Some writers put the dictionary page before data_page_offset and say so in dictionary_page_offset.
        var start = meta.DictionaryPageOffset is { } dictionary && dictionary > 0 && dictionary < meta.DataPageOffset
            ? dictionary
            : meta.DataPageOffset;
        var dataStart = ParquetStreamWriter.Magic.Length;
        if (start < dataStart || meta.TotalCompressedSize < 0 || meta.TotalCompressedSize > footerStart - start)
        {
            throw new InvalidDataException(
                $"A column chunk of {meta.TotalCompressedSize} bytes at offset {start} lies outside the data ({dataStart}..{footerStart}).");
        }

        if (meta.TotalCompressedSize > Array.MaxLength)
        {
            throw new InvalidDataException($"Column chunks over {Array.MaxLength} bytes are not supported.");
        }

        return (start, (int)meta.TotalCompressedSize);
    }
}
