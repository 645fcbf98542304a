namespace OrleansSweep.Parquet.Format;

// The subset of parquet.thrift's structs this library writes and reads back. Field ids are in
// MetadataSerializer and MetadataDeserializer; optional thrift fields are nullable here.

/// <summary>One node of the flattened schema tree (root first, then leaves in column order).</summary>
/// <remarks>IsStringLogicalType is true when <c>logicalType</c> is the STRING union member (what the writer sets);
/// LogicalType is the member read from a file (any kind), with IntegerIsSigned for INTEGER.</remarks>
internal sealed record SchemaElement(
    string Name,
    PhysicalType? Type = null,
    FieldRepetitionType? Repetition = null,
    int? NumChildren = null,
    ConvertedType? ConvertedType = null,
    bool IsStringLogicalType = false,
    LogicalTypeKind? LogicalType = null,
    bool? IntegerIsSigned = null);

/// <summary>Column-chunk statistics. Bounds are PLAIN-encoded without the BYTE_ARRAY length prefix.</summary>
/// <remarks>MinValue/MaxValue follow the column order (TYPE_ORDER); the deprecated Min/Max are defined by signed
/// comparison only, so they may be set only where that is the type's order (not for UTF8).</remarks>
internal sealed record Statistics(
    long? NullCount,
    byte[]? MinValue,
    byte[]? MaxValue,
    byte[]? DeprecatedMin = null,
    byte[]? DeprecatedMax = null);

internal sealed record ColumnMetaData(
    PhysicalType Type,
    IReadOnlyList<PageEncoding> Encodings,
    IReadOnlyList<string> PathInSchema,
    CompressionCodec Codec,
    long NumValues,
    long TotalUncompressedSize,
    long TotalCompressedSize,
    long DataPageOffset,
    Statistics? Statistics,
    long? DictionaryPageOffset = null);

/// <summary>A column chunk; FileOffset is the offset of its first page (as parquet-mr writes it).</summary>
internal sealed record ColumnChunk(long FileOffset, ColumnMetaData MetaData);

internal sealed record RowGroup(
    IReadOnlyList<ColumnChunk> Columns,
    long TotalByteSize,
    long NumRows,
    long? FileOffset,
    long? TotalCompressedSize);

internal sealed record KeyValue(string Key, string? Value);

internal sealed record FileMetaData(
    int Version,
    IReadOnlyList<SchemaElement> Schema,
    long NumRows,
    IReadOnlyList<RowGroup> RowGroups,
    IReadOnlyList<KeyValue> KeyValueMetadata,
    string? CreatedBy);

internal sealed record DataPageHeader(
    int NumValues,
    PageEncoding Encoding,
    PageEncoding DefinitionLevelEncoding,
    PageEncoding RepetitionLevelEncoding);

/// <summary>DATA_PAGE_V2: levels come first, uncompressed and without length prefixes; only the values may be
/// compressed (<paramref name="IsCompressed"/>, true when the field is absent).</summary>
internal sealed record DataPageHeaderV2(
    int NumValues,
    int NumNulls,
    int NumRows,
    PageEncoding Encoding,
    int DefinitionLevelsByteLength,
    int RepetitionLevelsByteLength,
    bool IsCompressed = true);

internal sealed record DictionaryPageHeader(int NumValues, PageEncoding Encoding);

/// <summary>A page header; the page sizes count the body only (before and after compression), not the header.</summary>
/// <remarks>Exactly one of the three page headers is set, as <see cref="Type"/> says (an index page has none).</remarks>
internal sealed record PageHeader(
    PageType Type,
    int UncompressedPageSize,
    int CompressedPageSize,
    DataPageHeader? DataPageHeader,
    DictionaryPageHeader? DictionaryPageHeader = null,
    DataPageHeaderV2? DataPageHeaderV2 = null);
