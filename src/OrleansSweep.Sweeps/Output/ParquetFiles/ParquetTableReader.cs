using Parquet;
using Parquet.Schema;

namespace OrleansSweep.Sweeps.Output.ParquetFiles;

/// <summary>Reads a flat Parquet file (the phase map or its companions) through Parquet.Net.</summary>
public static class ParquetTableReader
{
    /// <summary>Reads the footer only: schema, row count, row groups and key-value metadata.</summary>
    /// <exception cref="InvalidDataException">The file is not Parquet or its footer is damaged.</exception>
    public static async Task<ParquetTableContents> ReadFooterAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var reader = await Open(path, cancellationToken).ConfigureAwait(false);
        var columns = reader.Schema.DataFields.Select(f => new PhaseMapColumn(f.Name, TypeOf(f), f.IsNullable, Array.Empty<double?>())).ToList();
        return Contents(reader, columns);
    }

    /// <summary>Reads every value of every column.</summary>
    /// <exception cref="InvalidDataException">The file is not Parquet, is damaged, or has nested columns.</exception>
    public static async Task<ParquetTableContents> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var reader = await Open(path, cancellationToken).ConfigureAwait(false);
        var fields = reader.Schema.DataFields;
        var rows = checked((int)reader.RowGroups.Sum(g => g.RowCount));
        var columns = new List<PhaseMapColumn>(fields.Length);
        foreach (var field in fields)
        {
            if (field.IsArray || field.MaxRepetitionLevel > 0)
            {
                throw new InvalidDataException($"Column {field.Name} is nested; only flat tables are read.");
            }

            columns.Add(await ReadColumnAsync(reader, field, rows, cancellationToken).ConfigureAwait(false));
        }

        return Contents(reader, columns);
    }

    private static async Task<ParquetReader> Open(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await ParquetReader.CreateAsync(path, null, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new InvalidDataException(exception.Message, exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not IOException and not UnauthorizedAccessException)
        {
            // Parquet.Net reports a bad magic number or a damaged footer with assorted exception types.
            throw new InvalidDataException(exception.Message, exception);
        }
    }

    private static ParquetTableContents Contents(ParquetReader reader, List<PhaseMapColumn> columns) => new(
        columns,
        checked((int)reader.RowGroups.Sum(g => g.RowCount)),
        reader.CustomMetadata ?? new Dictionary<string, string>(),
        reader.Metadata?.CreatedBy,
        reader.RowGroupCount);

    private static ColumnType TypeOf(DataField field) =>
        field.ClrType == typeof(int) ? ColumnType.Int32 : field.ClrType == typeof(bool) ? ColumnType.Boolean : IsString(field) ? ColumnType.Utf8 : ColumnType.Double;

    /// <summary>Parquet.Net 6 reports UTF-8 columns as <see cref="ReadOnlyMemory{T}"/> of char unless asked for strings.</summary>
    private static bool IsString(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    private static async Task<PhaseMapColumn> ReadColumnAsync(ParquetReader reader, DataField field, int rows, CancellationToken cancellationToken)
    {
        var type = field.ClrType;
        if (type == typeof(int))
        {
            return new(field.Name, ColumnType.Int32, field.IsNullable, await ReadStructsAsync<int>(reader, field, rows, cancellationToken).ConfigureAwait(false));
        }

        if (type == typeof(double))
        {
            return new(field.Name, ColumnType.Double, field.IsNullable, await ReadStructsAsync<double>(reader, field, rows, cancellationToken).ConfigureAwait(false));
        }

        if (type == typeof(long))
        {
            var longs = await ReadStructsAsync<long>(reader, field, rows, cancellationToken).ConfigureAwait(false);
            return new(field.Name, ColumnType.Double, field.IsNullable, longs.Select(v => (double?)v).ToArray());
        }

        if (type == typeof(float))
        {
            var floats = await ReadStructsAsync<float>(reader, field, rows, cancellationToken).ConfigureAwait(false);
            return new(field.Name, ColumnType.Double, field.IsNullable, floats.Select(v => (double?)v).ToArray());
        }

        if (type == typeof(bool))
        {
            return new(field.Name, ColumnType.Boolean, field.IsNullable, await ReadStructsAsync<bool>(reader, field, rows, cancellationToken).ConfigureAwait(false));
        }

        if (IsString(field))
        {
            var strings = new string?[rows];
            var offset = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = checked((int)group.RowCount);
                await group.ReadAsync(field, strings.AsMemory(offset, count)!, null, cancellationToken).ConfigureAwait(false);
                offset += count;
            }

            return new(field.Name, ColumnType.Utf8, field.IsNullable, strings);
        }

        throw new InvalidDataException($"Column {field.Name} has type {type.Name}, which phase maps do not use.");
    }

    private static async Task<T?[]> ReadStructsAsync<T>(ParquetReader reader, DataField field, int rows, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T?[rows];
        var offset = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            if (field.IsNullable)
            {
                await group.ReadAsync<T>(field, values.AsMemory(offset, count), null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var dense = new T[count];
                await group.ReadAsync<T>(field, dense.AsMemory(), null, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < count; i++)
                {
                    values[offset + i] = dense[i];
                }
            }

            offset += count;
        }

        return values;
    }
}
