using OrleansSweep.Parquet.Thrift;

namespace OrleansSweep.Parquet.Format;

/// <summary>Page headers: data pages v1 and v2 and dictionary pages (index pages and CRCs are skipped).</summary>
internal static partial class MetadataDeserializer
{
    public static PageHeader ReadPageHeader(ThriftCompactReader reader)
    {
        int? type = null, uncompressed = null, compressed = null;
        DataPageHeader? data = null;
        DictionaryPageHeader? dictionary = null;
        DataPageHeaderV2? dataV2 = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out var id, out var fieldType))
        {
            switch (id)
            {
                case 1 when fieldType == CompactType.I32:
                    type = reader.ReadI32();
                    break;
                case 2 when fieldType == CompactType.I32:
                    uncompressed = reader.ReadI32();
                    break;
                case 3 when fieldType == CompactType.I32:
                    compressed = reader.ReadI32();
                    break;
                case 5 when fieldType == CompactType.Struct:
                    data = ReadDataPageHeader(reader);
                    break;
                case 7 when fieldType == CompactType.Struct:
                    dictionary = ReadDictionaryPageHeader(reader);
                    break;
                case 8 when fieldType == CompactType.Struct:
                    dataV2 = ReadDataPageHeaderV2(reader);
                    break;
                default:
                    reader.Skip(fieldType);
                    break;
            }
        }

        reader.EndStruct();
        return new PageHeader(
            (PageType)Required(type, "PageHeader.type"),
            Required(uncompressed, "PageHeader.uncompressed_page_size"),
            Required(compressed, "PageHeader.compressed_page_size"),
            data,
            dictionary,
            dataV2);
    }

    private static DataPageHeader ReadDataPageHeader(ThriftCompactReader reader)
    {
        var values = ReadI32Fields(reader, 4, out _);
        return new DataPageHeader(
            Required(values[1], "DataPageHeader.num_values"),
            (PageEncoding)Required(values[2], "DataPageHeader.encoding"),
            (PageEncoding)Required(values[3], "DataPageHeader.definition_level_encoding"),
            (PageEncoding)Required(values[4], "DataPageHeader.repetition_level_encoding"));
    }

    private static DictionaryPageHeader ReadDictionaryPageHeader(ThriftCompactReader reader)
    {
        var values = ReadI32Fields(reader, 2, out _);
        return new DictionaryPageHeader(
            Required(values[1], "DictionaryPageHeader.num_values"),
            (PageEncoding)Required(values[2], "DictionaryPageHeader.encoding"));
    }

    private static DataPageHeaderV2 ReadDataPageHeaderV2(ThriftCompactReader reader)
    {
        var values = ReadI32Fields(reader, 6, out var isCompressed);
        return new DataPageHeaderV2(
            Required(values[1], "DataPageHeaderV2.num_values"),
            Required(values[2], "DataPageHeaderV2.num_nulls"),
            Required(values[3], "DataPageHeaderV2.num_rows"),
            (PageEncoding)Required(values[4], "DataPageHeaderV2.encoding"),
            Required(values[5], "DataPageHeaderV2.definition_levels_byte_length"),
            Required(values[6], "DataPageHeaderV2.repetition_levels_byte_length"),
            isCompressed ?? true);
    }

    /// <summary>Reads a struct whose fields 1..<paramref name="count"/> are i32 (indexed by id; others skipped),
    /// and whose field count + 1, if boolean, is returned in <paramref name="flag"/> (DataPageHeaderV2.is_compressed).</summary>
    private static int?[] ReadI32Fields(ThriftCompactReader reader, int count, out bool? flag)
    {
        var values = new int?[count + 1];
        flag = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out var id, out var type))
        {
            if (id >= 1 && id <= count && type == CompactType.I32)
            {
                values[id] = reader.ReadI32();
            }
            else if (id == count + 1 && type is CompactType.BooleanTrue or CompactType.BooleanFalse)
            {
                flag = ThriftCompactReader.BoolFieldValue(type);
            }
            else
            {
                reader.Skip(type);
            }
        }

        reader.EndStruct();
        return values;
    }
}
