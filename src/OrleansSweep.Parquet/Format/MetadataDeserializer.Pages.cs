using OrleansSweep.Parquet.Thrift;

namespace OrleansSweep.Parquet.Format;

/// <summary>Page headers (read by tests that walk a file's pages).</summary>
internal static partial class MetadataDeserializer
{
    public static PageHeader ReadPageHeader(ThriftCompactReader reader)
    {
        int? type = null, uncompressed = null, compressed = null;
        DataPageHeader? data = null;
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
            data);
    }

    private static DataPageHeader ReadDataPageHeader(ThriftCompactReader reader)
    {
        var values = new int?[5];
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out var id, out var type))
        {
            if (id is >= 1 and <= 4 && type == CompactType.I32)
            {
                values[id] = reader.ReadI32();
            }
            else
            {
                reader.Skip(type);
            }
        }

        reader.EndStruct();
        return new DataPageHeader(
            Required(values[1], "DataPageHeader.num_values"),
            (PageEncoding)Required(values[2], "DataPageHeader.encoding"),
            (PageEncoding)Required(values[3], "DataPageHeader.definition_level_encoding"),
            (PageEncoding)Required(values[4], "DataPageHeader.repetition_level_encoding"));
    }
}
