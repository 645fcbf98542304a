using System.Text.Json;

namespace OrleansSweep.Parquet.Tests.Readers;

/// <summary>What a reader script prints (see readers/encode-values.mjs for how values are encoded).</summary>
/// <param name="Data">Column-major values: numbers and bigints as strings (so NaN, ±Infinity, −0 survive),
/// booleans and strings as JSON, nulls as null.</param>
/// <param name="Chunks">One record per column chunk: DuckDB's parquet_metadata() rows, or hyparquet's equivalent
/// with the same key names.</param>
public sealed record ReaderOutput(
    string Reader,
    IReadOnlyList<ReaderColumn> Columns,
    long RowCount,
    IReadOnlyList<IReadOnlyList<JsonElement>> Data,
    IReadOnlyList<ReaderKeyValue> KeyValueMetadata,
    IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> Chunks,
    string? CreatedBy)
{
    public static JsonSerializerOptions JsonOptions { get; } = new() { PropertyNameCaseInsensitive = true };
}

public sealed record ReaderColumn(
    string Name,
    string? PhysicalType,
    string? ConvertedType,
    string? LogicalType,
    string? Repetition,
    string? SqlType);

public sealed record ReaderKeyValue(string Key, string? Value);
