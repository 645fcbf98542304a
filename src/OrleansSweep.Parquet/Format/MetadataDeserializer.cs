using OrleansSweep.Parquet.Thrift;

namespace OrleansSweep.Parquet.Format;

/// <summary>Reads the Parquet metadata structs this library uses; unknown fields are skipped.</summary>
/// <remarks>A missing required field or a field of the wrong type raises <see cref="InvalidDataException"/>.</remarks>
internal static partial class MetadataDeserializer
{
    public static FileMetaData ReadFileMetaData(ThriftCompactReader reader)
    {
        int? version = null;
        long? numRows = null;
        List<SchemaElement>? schema = null;
        List<RowGroup>? rowGroups = null;
        List<KeyValue> keyValues = [];
        string? createdBy = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32:
                    version = reader.ReadI32();
                    break;
                case 2 when type == CompactType.List:
                    schema = ReadList(reader, CompactType.Struct, ReadSchemaElement);
                    break;
                case 3 when type == CompactType.I64:
                    numRows = reader.ReadI64();
                    break;
                case 4 when type == CompactType.List:
                    rowGroups = ReadList(reader, CompactType.Struct, ReadRowGroup);
                    break;
                case 5 when type == CompactType.List:
                    keyValues = ReadList(reader, CompactType.Struct, ReadKeyValue);
                    break;
                case 6 when type == CompactType.Binary:
                    createdBy = reader.ReadString();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        return new FileMetaData(
            Required(version, "FileMetaData.version"),
            Required(schema, "FileMetaData.schema"),
            Required(numRows, "FileMetaData.num_rows"),
            Required(rowGroups, "FileMetaData.row_groups"),
            keyValues,
            createdBy);
    }

    private static SchemaElement ReadSchemaElement(ThriftCompactReader reader)
    {
        string? name = null;
        int? type = null, repetition = null, children = null, converted = null;
        (LogicalTypeKind Kind, bool? IsSigned)? logical = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out var id, out var fieldType))
        {
            switch (id)
            {
                case 1 when fieldType == CompactType.I32:
                    type = reader.ReadI32();
                    break;
                case 3 when fieldType == CompactType.I32:
                    repetition = reader.ReadI32();
                    break;
                case 4 when fieldType == CompactType.Binary:
                    name = reader.ReadString();
                    break;
                case 5 when fieldType == CompactType.I32:
                    children = reader.ReadI32();
                    break;
                case 6 when fieldType == CompactType.I32:
                    converted = reader.ReadI32();
                    break;
                case 10 when fieldType == CompactType.Struct:
                    logical = ReadLogicalType(reader);
                    break;
                default:
                    reader.Skip(fieldType);
                    break;
            }
        }

        reader.EndStruct();
        return new SchemaElement(
            Required(name, "SchemaElement.name"),
            (PhysicalType?)type,
            (FieldRepetitionType?)repetition,
            children,
            (ConvertedType?)converted,
            logical?.Kind == LogicalTypeKind.String,
            logical?.Kind,
            logical?.IsSigned);
    }

    /// <summary>The LogicalType union: which member is set and, for INTEGER, its isSigned field.</summary>
    private static (LogicalTypeKind Kind, bool? IsSigned)? ReadLogicalType(ThriftCompactReader reader)
    {
        (LogicalTypeKind Kind, bool? IsSigned)? member = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out var id, out var type))
        {
            if (id == (short)LogicalTypeKind.Integer && type == CompactType.Struct)
            {
                member = (LogicalTypeKind.Integer, ReadIntegerIsSigned(reader));
                continue;
            }

            if (type == CompactType.Struct)
            {
                member = ((LogicalTypeKind)id, null);
            }

            reader.Skip(type);
        }

        reader.EndStruct();
        return member;
    }

    private static bool? ReadIntegerIsSigned(ThriftCompactReader reader)
    {
        bool? isSigned = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out var id, out var type))
        {
            if (id == 2 && type is CompactType.BooleanTrue or CompactType.BooleanFalse)
            {
                isSigned = ThriftCompactReader.BoolFieldValue(type);
            }
            else
            {
                reader.Skip(type);
            }
        }

        reader.EndStruct();
        return isSigned;
    }

    private static KeyValue ReadKeyValue(ThriftCompactReader reader)
    {
        string? key = null, value = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.Binary:
                    key = reader.ReadString();
                    break;
                case 2 when type == CompactType.Binary:
                    value = reader.ReadString();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        return new KeyValue(Required(key, "KeyValue.key"), value);
    }

    private static List<T> ReadList<T>(ThriftCompactReader reader, CompactType elementType, Func<ThriftCompactReader, T> readElement)
    {
        var count = reader.ReadListHeader(out var actualType);
        if (count > 0 && actualType != elementType)
        {
            throw new InvalidDataException($"Parquet metadata has a list of {actualType} where {elementType} was expected.");
        }

        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(readElement(reader));
        }

        return list;
    }

    private static T Required<T>(T? value, string field)
        where T : class =>
        value ?? throw new InvalidDataException($"Parquet metadata is missing the required field {field}.");

    private static T Required<T>(T? value, string field)
        where T : struct =>
        value ?? throw new InvalidDataException($"Parquet metadata is missing the required field {field}.");
}
