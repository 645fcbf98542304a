using OrleansSweep.Parquet.Thrift;

namespace OrleansSweep.Parquet.Format;

/// <summary>Writes Parquet metadata structs in the Thrift compact protocol, with parquet.thrift's field ids.</summary>
internal static class MetadataSerializer
{
    public static void Write(ThriftCompactWriter writer, FileMetaData metadata)
    {
        writer.BeginStruct();
        writer.WriteI32Field(1, metadata.Version);
        writer.BeginListField(2, CompactType.Struct, metadata.Schema.Count);
        foreach (var element in metadata.Schema)
        {
            Write(writer, element);
        }

        writer.WriteI64Field(3, metadata.NumRows);
        writer.BeginListField(4, CompactType.Struct, metadata.RowGroups.Count);
        foreach (var rowGroup in metadata.RowGroups)
        {
            Write(writer, rowGroup);
        }

        if (metadata.KeyValueMetadata.Count > 0)
        {
            writer.BeginListField(5, CompactType.Struct, metadata.KeyValueMetadata.Count);
            foreach (var pair in metadata.KeyValueMetadata)
            {
                Write(writer, pair);
            }
        }

        if (metadata.CreatedBy is not null)
        {
            writer.WriteStringField(6, metadata.CreatedBy);
        }

        // column_orders: without it min_value/max_value are undefined (parquet.thrift, FileMetaData field 7).
        // Every leaf uses TYPE_ORDER: signed for INT32/INT64/DOUBLE, false < true, unsigned bytes for UTF8.
        var leafCount = metadata.Schema.Count(element => element.NumChildren is null);
        writer.BeginListField(7, CompactType.Struct, leafCount);
        for (var i = 0; i < leafCount; i++)
        {
            writer.BeginStruct();
            writer.BeginStructField(1);
            writer.EndStruct();
            writer.EndStruct();
        }

        writer.EndStruct();
    }

    public static void Write(ThriftCompactWriter writer, PageHeader header)
    {
        writer.BeginStruct();
        writer.WriteI32Field(1, (int)header.Type);
        writer.WriteI32Field(2, header.UncompressedPageSize);
        writer.WriteI32Field(3, header.CompressedPageSize);
        if (header.DataPageHeader is { } data)
        {
            writer.BeginStructField(5);
            writer.WriteI32Field(1, data.NumValues);
            writer.WriteI32Field(2, (int)data.Encoding);
            writer.WriteI32Field(3, (int)data.DefinitionLevelEncoding);
            writer.WriteI32Field(4, (int)data.RepetitionLevelEncoding);
            writer.EndStruct();
        }

        if (header.DictionaryPageHeader is { } dictionary)
        {
            writer.BeginStructField(7);
            writer.WriteI32Field(1, dictionary.NumValues);
            writer.WriteI32Field(2, (int)dictionary.Encoding);
            writer.EndStruct();
        }

        if (header.DataPageHeaderV2 is { } v2)
        {
            writer.BeginStructField(8);
            writer.WriteI32Field(1, v2.NumValues);
            writer.WriteI32Field(2, v2.NumNulls);
            writer.WriteI32Field(3, v2.NumRows);
            writer.WriteI32Field(4, (int)v2.Encoding);
            writer.WriteI32Field(5, v2.DefinitionLevelsByteLength);
            writer.WriteI32Field(6, v2.RepetitionLevelsByteLength);
            writer.WriteBoolField(7, v2.IsCompressed);
            writer.EndStruct();
        }

        writer.EndStruct();
    }

    private static void Write(ThriftCompactWriter writer, SchemaElement element)
    {
        writer.BeginStruct();
        if (element.Type is { } type)
        {
            writer.WriteI32Field(1, (int)type);
        }

        if (element.Repetition is { } repetition)
        {
            writer.WriteI32Field(3, (int)repetition);
        }

        writer.WriteStringField(4, element.Name);
        if (element.NumChildren is { } children)
        {
            writer.WriteI32Field(5, children);
        }

        if (element.ConvertedType is { } converted)
        {
            writer.WriteI32Field(6, (int)converted);
        }

        if (element.IsStringLogicalType)
        {
            // LogicalType is a union: exactly one member, here STRING (id 1), an empty struct.
            writer.BeginStructField(10);
            writer.BeginStructField(1);
            writer.EndStruct();
            writer.EndStruct();
        }

        writer.EndStruct();
    }

    private static void Write(ThriftCompactWriter writer, RowGroup rowGroup)
    {
        writer.BeginStruct();
        writer.BeginListField(1, CompactType.Struct, rowGroup.Columns.Count);
        foreach (var chunk in rowGroup.Columns)
        {
            Write(writer, chunk);
        }

        writer.WriteI64Field(2, rowGroup.TotalByteSize);
        writer.WriteI64Field(3, rowGroup.NumRows);
        if (rowGroup.FileOffset is { } offset)
        {
            writer.WriteI64Field(5, offset);
        }

        if (rowGroup.TotalCompressedSize is { } compressed)
        {
            writer.WriteI64Field(6, compressed);
        }

        writer.EndStruct();
    }

    private static void Write(ThriftCompactWriter writer, ColumnChunk chunk)
    {
        writer.BeginStruct();
        writer.WriteI64Field(2, chunk.FileOffset);
        writer.BeginStructField(3);
        var meta = chunk.MetaData;
        writer.WriteI32Field(1, (int)meta.Type);
        writer.BeginListField(2, CompactType.I32, meta.Encodings.Count);
        foreach (var encoding in meta.Encodings)
        {
            writer.WriteI32((int)encoding);
        }

        writer.BeginListField(3, CompactType.Binary, meta.PathInSchema.Count);
        foreach (var part in meta.PathInSchema)
        {
            writer.WriteString(part);
        }

        writer.WriteI32Field(4, (int)meta.Codec);
        writer.WriteI64Field(5, meta.NumValues);
        writer.WriteI64Field(6, meta.TotalUncompressedSize);
        writer.WriteI64Field(7, meta.TotalCompressedSize);
        writer.WriteI64Field(9, meta.DataPageOffset);
        if (meta.DictionaryPageOffset is { } dictionaryOffset)
        {
            writer.WriteI64Field(11, dictionaryOffset);
        }

        if (meta.Statistics is { } statistics)
        {
            writer.BeginStructField(12);
            Write(writer, statistics);
            writer.EndStruct();
        }

        writer.EndStruct();
        writer.EndStruct();
    }

    private static void Write(ThriftCompactWriter writer, Statistics statistics)
    {
        if (statistics.DeprecatedMax is { } deprecatedMax)
        {
            writer.WriteBinaryField(1, deprecatedMax);
        }

        if (statistics.DeprecatedMin is { } deprecatedMin)
        {
            writer.WriteBinaryField(2, deprecatedMin);
        }

        if (statistics.NullCount is { } nullCount)
        {
            writer.WriteI64Field(3, nullCount);
        }

        if (statistics.MaxValue is { } max)
        {
            writer.WriteBinaryField(5, max);
        }

        if (statistics.MinValue is { } min)
        {
            writer.WriteBinaryField(6, min);
        }
    }

    private static void Write(ThriftCompactWriter writer, KeyValue pair)
    {
        writer.BeginStruct();
        writer.WriteStringField(1, pair.Key);
        if (pair.Value is not null)
        {
            writer.WriteStringField(2, pair.Value);
        }

        writer.EndStruct();
    }
}
