using OrleansSweep.Parquet.Thrift;

namespace OrleansSweep.Parquet.Format;

/// <summary>Row groups, column chunks, column metadata and statistics.</summary>
internal static partial class MetadataDeserializer
{
    private static RowGroup ReadRowGroup(ThriftCompactReader reader)
    {
        List<ColumnChunk>? columns = null;
        long? totalByteSize = null, numRows = null, fileOffset = null, totalCompressed = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.List:
                    columns = ReadList(reader, CompactType.Struct, ReadColumnChunk);
                    break;
                case 2 when type == CompactType.I64:
                    totalByteSize = reader.ReadI64();
                    break;
                case 3 when type == CompactType.I64:
                    numRows = reader.ReadI64();
                    break;
                case 5 when type == CompactType.I64:
                    fileOffset = reader.ReadI64();
                    break;
                case 6 when type == CompactType.I64:
                    totalCompressed = reader.ReadI64();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        return new RowGroup(
            Required(columns, "RowGroup.columns"),
            Required(totalByteSize, "RowGroup.total_byte_size"),
            Required(numRows, "RowGroup.num_rows"),
            fileOffset,
            totalCompressed);
    }

    private static ColumnChunk ReadColumnChunk(ThriftCompactReader reader)
    {
        long? fileOffset = null;
        ColumnMetaData? meta = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 2 when type == CompactType.I64:
                    fileOffset = reader.ReadI64();
                    break;
                case 3 when type == CompactType.Struct:
                    meta = ReadColumnMetaData(reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        return new ColumnChunk(Required(fileOffset, "ColumnChunk.file_offset"), Required(meta, "ColumnChunk.meta_data"));
    }

    private static ColumnMetaData ReadColumnMetaData(ThriftCompactReader reader)
    {
        int? type = null, codec = null;
        List<PageEncoding>? encodings = null;
        List<string>? path = null;
        long? numValues = null, uncompressed = null, compressed = null, dataPageOffset = null, dictionaryPageOffset = null;
        Statistics? statistics = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out var id, out var fieldType))
        {
            switch (id)
            {
                case 1 when fieldType == CompactType.I32:
                    type = reader.ReadI32();
                    break;
                case 2 when fieldType == CompactType.List:
                    encodings = ReadList(reader, CompactType.I32, r => (PageEncoding)r.ReadI32());
                    break;
                case 3 when fieldType == CompactType.List:
                    path = ReadList(reader, CompactType.Binary, r => r.ReadString());
                    break;
                case 4 when fieldType == CompactType.I32:
                    codec = reader.ReadI32();
                    break;
                case 5 when fieldType == CompactType.I64:
                    numValues = reader.ReadI64();
                    break;
                case 6 when fieldType == CompactType.I64:
                    uncompressed = reader.ReadI64();
                    break;
                case 7 when fieldType == CompactType.I64:
                    compressed = reader.ReadI64();
                    break;
                case 9 when fieldType == CompactType.I64:
                    dataPageOffset = reader.ReadI64();
                    break;
                case 11 when fieldType == CompactType.I64:
                    dictionaryPageOffset = reader.ReadI64();
                    break;
                case 12 when fieldType == CompactType.Struct:
                    statistics = ReadStatistics(reader);
                    break;
                default:
                    reader.Skip(fieldType);
                    break;
            }
        }

        reader.EndStruct();
        return new ColumnMetaData(
            (PhysicalType)Required(type, "ColumnMetaData.type"),
            Required(encodings, "ColumnMetaData.encodings"),
            Required(path, "ColumnMetaData.path_in_schema"),
            (CompressionCodec)Required(codec, "ColumnMetaData.codec"),
            Required(numValues, "ColumnMetaData.num_values"),
            Required(uncompressed, "ColumnMetaData.total_uncompressed_size"),
            Required(compressed, "ColumnMetaData.total_compressed_size"),
            Required(dataPageOffset, "ColumnMetaData.data_page_offset"),
            statistics,
            dictionaryPageOffset);
    }

    private static Statistics ReadStatistics(ThriftCompactReader reader)
    {
        long? nullCount = null;
        byte[]? min = null, max = null, deprecatedMin = null, deprecatedMax = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.Binary:
                    deprecatedMax = reader.ReadBinary();
                    break;
                case 2 when type == CompactType.Binary:
                    deprecatedMin = reader.ReadBinary();
                    break;
                case 3 when type == CompactType.I64:
                    nullCount = reader.ReadI64();
                    break;
                case 5 when type == CompactType.Binary:
                    max = reader.ReadBinary();
                    break;
                case 6 when type == CompactType.Binary:
                    min = reader.ReadBinary();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        return new Statistics(nullCount, min, max, deprecatedMin, deprecatedMax);
    }
}
