using OrleansSweep.Parquet.Writing;

namespace OrleansSweep.Parquet;

/// <summary>Writes a <see cref="ParquetTable"/> as an Apache Parquet file, atomically.</summary>
/// <remarks>
/// Layout: flat schema (root + one leaf per column), row groups of at most
/// <see cref="ParquetWriteOptions.RowGroupSize"/> rows, data pages v1 with PLAIN values and RLE definition levels,
/// per-chunk statistics (null count, min/max), the caller's key-value metadata (sorted by key) and created_by.
/// An empty table (0 rows) gives a file with a schema and no row groups.
/// <para>Atomicity: the file is written as <c>&lt;path&gt;.tmp-&lt;guid&gt;</c> in the same folder, flushed to disk,
/// then renamed over the destination, so readers see either the previous file or the whole new one,
/// never a part. On any failure (including cancellation) the temporary file is deleted and the previous file is
/// untouched. The folder must exist (<see cref="DirectoryNotFoundException"/> otherwise).</para>
/// </remarks>
public static class ParquetFileWriter
{
    /// <param name="path">Destination file; replaced whole if it exists.</param>
    /// <param name="table">The data; must have at least one column.</param>
    /// <param name="keyValueMetadata">Footer key-value metadata (e.g. the sweep spec as JSON); may be empty.</param>
    /// <param name="options">Codec, row group size and created_by; defaults when null.</param>
    /// <param name="cancellationToken">Observed between column chunks.</param>
    /// <exception cref="ArgumentException">No columns, a non-positive row group size, or a null metadata value.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written at <paramref name="path"/>.</exception>
    public static void Write(
        string path,
        ParquetTable table,
        IReadOnlyDictionary<string, string> keyValueMetadata,
        ParquetWriteOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(keyValueMetadata);
        options ??= new ParquetWriteOptions();
        Validate(table, keyValueMetadata, options);

        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
        var temporary = Path.Combine(folder, $"{Path.GetFileName(fullPath)}.tmp-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                ParquetStreamWriter.Write(stream, table, keyValueMetadata, options, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void Validate(ParquetTable table, IReadOnlyDictionary<string, string> keyValueMetadata, ParquetWriteOptions options)
    {
        if (table.Columns.Count == 0)
        {
            throw new ArgumentException("A Parquet file needs at least one column.", nameof(table));
        }

        if (options.RowGroupSize < 1)
        {
            throw new ArgumentException($"RowGroupSize must be at least 1 (was {options.RowGroupSize}).", nameof(options));
        }

        if (!Enum.IsDefined(options.Compression))
        {
            throw new ArgumentException($"Unknown compression {options.Compression}.", nameof(options));
        }

        foreach (var pair in keyValueMetadata)
        {
            if (pair.Value is null)
            {
                throw new ArgumentException($"Metadata key '{pair.Key}' has a null value.", nameof(keyValueMetadata));
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original exception is the one worth reporting.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
