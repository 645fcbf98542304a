using OrleansSweep.Parquet.Reading;

namespace OrleansSweep.Parquet;

/// <summary>Reads a whole Parquet file — footer and data — into one array per column.</summary>
/// <remarks>
/// Supported: what <see cref="ParquetFileWriter"/> writes and the common simple files of other writers (DuckDB,
/// Arrow, Spark): a flat schema of the <see cref="ParquetType"/> types (see <see cref="ParquetFileInspector"/>),
/// data pages v1 and v2, PLAIN and dictionary (PLAIN_DICTIONARY / RLE_DICTIONARY) encodings, RLE booleans,
/// definition levels in the RLE / bit-packed hybrid, UNCOMPRESSED and SNAPPY. Values are exact: doubles bit for
/// bit (NaN payloads, ±∞, −0.0), strings strictly decoded from UTF-8.
/// <para>Failure modes: <see cref="FileNotFoundException"/> / <see cref="IOException"/> from the file system;
/// <see cref="InvalidDataException"/> for a file that is not Parquet, truncated or corrupt, or that uses something
/// unsupported — the message names it and where (row group, column), e.g. "The DELTA_BINARY_PACKED encoding is not
/// supported" or "Nested columns are not supported"; <see cref="OperationCanceledException"/>.</para>
/// <para>Limits: every size and count read from the file is checked against the bytes that back it before memory is
/// allocated for it, so a corrupt file fails instead of allocating for sizes it merely claims. Memory is the
/// output arrays (8–16 bytes per value) plus one column chunk at a time. At most <see cref="Array.MaxLength"/> rows.</para>
/// </remarks>
public static class ParquetFileReader
{
    /// <param name="path">The Parquet file.</param>
    /// <param name="cancellationToken">Observed between column chunks and pages.</param>
    public static ParquetData Read(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1);
        var footer = ParquetFooter.Read(stream, path);
        var info = Where(path, "footer", () => ParquetFileInspector.ToInfo(footer.Metadata, footer.FileLength));
        var metadata = footer.Metadata;
        var rowCount = Where(path, "footer", () => ChunkLayout.RowCount(metadata, info.Columns.Count));
        var assemblers = info.Columns.Select(column => ColumnAssembler.Create(column, rowCount)).ToArray();
        var chunkReader = new ColumnChunkReader();
        var buffer = Array.Empty<byte>();
        for (var g = 0; g < metadata.RowGroups.Count; g++)
        {
            var group = metadata.RowGroups[g];
            for (var c = 0; c < info.Columns.Count; c++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var column = info.Columns[c];
                var meta = group.Columns[c].MetaData;
                Where(path, $"row group {g}, column '{column.Name}'", () =>
                {
                    // Schema element c + 1: the root comes first.
                    var (start, length) = ChunkLayout.Locate(meta, metadata.Schema[c + 1], group.NumRows, footer.FooterStart);
                    if (buffer.Length < length)
                    {
                        buffer = new byte[length];
                    }

                    stream.Seek(start, SeekOrigin.Begin);
                    stream.ReadExactly(buffer, 0, length);
                    chunkReader.Read(buffer.AsMemory(0, length), meta.Codec, column.Nullable, (int)group.NumRows, assemblers[c], cancellationToken);
                });
            }
        }

        return new ParquetData(info, assemblers.Select(assembler => assembler.Result).ToArray());
    }

    private static void Where(string path, string place, Action read) => Where(path, place, () =>
    {
        read();
        return true;
    });

    /// <summary>Prefixes an <see cref="InvalidDataException"/> with the file and the place it was found.</summary>
    private static T Where<T>(string path, string place, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException($"'{path}', {place}: {exception.Message}", exception);
        }
    }
}
