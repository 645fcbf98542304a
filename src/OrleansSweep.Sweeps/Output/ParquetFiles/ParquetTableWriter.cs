using System.IO.Compression;
using Parquet;
using Parquet.Schema;

namespace OrleansSweep.Sweeps.Output.ParquetFiles;

/// <summary>Writes a flat table of <see cref="PhaseMapColumn"/>s as a Parquet file through Parquet.Net, atomically.</summary>
/// <remarks>
/// Types: <see cref="ColumnType.Int32"/> → INT32, <see cref="ColumnType.Double"/> → DOUBLE,
/// <see cref="ColumnType.Utf8"/> → BYTE_ARRAY (UTF-8 string), <see cref="ColumnType.Boolean"/> → BOOLEAN; a column is OPTIONAL exactly when
/// <see cref="PhaseMapColumn.Nullable"/>. Row groups hold at most <see cref="RowGroupSize"/> rows; a table of 0 rows
/// gives a file with its schema and no row group.
/// <para>Atomicity: the file is written as <c>&lt;path&gt;.tmp-&lt;guid&gt;</c> in the same folder, flushed to disk
/// and renamed over the destination, so a reader sees the previous file or the whole new one. On failure
/// (cancellation included) the temporary file is deleted and the destination is untouched.</para>
/// <para>Parquet.Net 6.1.0 writes min = max = NaN for a column whose values are all NaN, which makes readers that
/// prune by statistics (DuckDB) skip row groups wrongly; NaN is therefore written as null in nullable columns.</para>
/// </remarks>
public static class ParquetTableWriter
{
    /// <summary>Rows per row group: large enough to compress well, small enough for readers to skip by statistics.</summary>
    public const int RowGroupSize = 65_536;

    /// <summary>
    /// Snappy as before (every Parquet reader decodes it, and it is fast). The level is set explicitly because
    /// Parquet.Net's default, <see cref="CompressionLevel.SmallestSize"/>, makes Zstd about 30× slower should the
    /// codec ever change; Snappy itself has no levels.
    /// </summary>
    private static ParquetOptions Options => new()
    {
        CompressionMethod = CompressionMethod.Snappy,
        CompressionLevel = CompressionLevel.Fastest,
    };

    /// <param name="path">Destination; replaced whole if it exists. Its folder must exist.</param>
    /// <param name="columns">Columns in file order; every value array has <paramref name="rows"/> entries.</param>
    /// <param name="rows">Row count.</param>
    /// <param name="metadata">Footer key-value metadata.</param>
    /// <param name="cancellationToken">Observed between column chunks.</param>
    public static async Task WriteAsync(
        string path,
        IReadOnlyList<PhaseMapColumn> columns,
        int rows,
        IReadOnlyDictionary<string, string> metadata,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(metadata);
        if (columns.Count == 0)
        {
            throw new ArgumentException("A Parquet file needs at least one column.", nameof(columns));
        }

        if (columns.FirstOrDefault(c => c.Values.Length != rows) is { } ragged)
        {
            throw new ArgumentException($"Column {ragged.Name} has {ragged.Values.Length} values for {rows} rows.", nameof(columns));
        }

        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
        var temporary = Path.Combine(folder, $"{Path.GetFileName(fullPath)}.tmp-{Guid.NewGuid():N}");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, useAsync: true))
            {
                await WriteToAsync(stream, columns, rows, metadata, cancellationToken).ConfigureAwait(false);
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

    private static async Task WriteToAsync(
        Stream stream, IReadOnlyList<PhaseMapColumn> columns, int rows, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var fields = columns.Select(FieldOf).ToList();
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, Options, append: false, cancellationToken).ConfigureAwait(false);
        // Sorted by key so identical sweeps give byte-identical footers.
        writer.CustomMetadata = metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        for (var start = 0; start < rows; start += RowGroupSize)
        {
            var count = Math.Min(RowGroupSize, rows - start);
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < columns.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await WriteChunkAsync(group, fields[i], columns[i], start, count, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static DataField FieldOf(PhaseMapColumn column) => column.Type switch
    {
        ColumnType.Int32 => new DataField(column.Name, typeof(int), column.Nullable),
        ColumnType.Double => new DataField(column.Name, typeof(double), column.Nullable),
        ColumnType.Utf8 => new DataField(column.Name, typeof(string), column.Nullable),
        ColumnType.Boolean => new DataField(column.Name, typeof(bool), column.Nullable),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, $"Column {column.Name} has an unsupported type."),
    };

    private static Task WriteChunkAsync(ParquetRowGroupWriter group, DataField field, PhaseMapColumn column, int start, int count, CancellationToken cancellationToken)
    {
        switch (column.Values)
        {
            case int?[] ints when column.Nullable:
                return group.WriteAsync<int>(field, ints.AsMemory(start, count), null, null, cancellationToken);
            case int?[] ints:
                return group.WriteAsync<int>(field, Required(column, ints, start, count), null, null, cancellationToken);
            case double?[] doubles when column.Nullable:
                return group.WriteAsync<double>(field, NaNAsNull(doubles, start, count), null, null, cancellationToken);
            case double?[] doubles:
                return group.WriteAsync<double>(field, Required(column, doubles, start, count), null, null, cancellationToken);
            case bool?[] booleans when column.Nullable:
                return group.WriteAsync<bool>(field, booleans.AsMemory(start, count), null, null, cancellationToken);
            case bool?[] booleans:
                return group.WriteAsync<bool>(field, Required(column, booleans, start, count), null, null, cancellationToken);
            case string?[] strings:
                if (!column.Nullable && Array.IndexOf(strings, null, start, count) >= 0)
                {
                    throw new ArgumentException($"Column {column.Name} is required but holds a null.", nameof(column));
                }

                return group.WriteAsync(field, new ArraySegment<string>(strings!, start, count), null);
            default:
                throw new ArgumentException($"Column {column.Name} has an unsupported value array {column.Values.GetType().Name}.", nameof(column));
        }
    }

    private static T[] Required<T>(PhaseMapColumn column, T?[] values, int start, int count)
        where T : struct
    {
        var result = new T[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = values[start + i] ?? throw new ArgumentException($"Column {column.Name} is required but row {start + i} is null.", nameof(column));
        }

        return result;
    }

    private static double?[] NaNAsNull(double?[] values, int start, int count)
    {
        var result = new double?[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = values[start + i] is { } v && !double.IsNaN(v) ? v : null;
        }

        return result;
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
