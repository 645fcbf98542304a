namespace OrleansSweep.Parquet.Format;

/// <summary>Maps <see cref="ParquetColumn"/>s to schema elements and back.</summary>
internal static class SchemaMapping
{
    public const string RootName = "schema";

    public static IReadOnlyList<SchemaElement> ToSchema(IReadOnlyList<ParquetColumn> columns)
    {
        var schema = new List<SchemaElement>(columns.Count + 1) { new(RootName, NumChildren: columns.Count) };
        foreach (var column in columns)
        {
            var repetition = column.Nullable ? FieldRepetitionType.Optional : FieldRepetitionType.Required;
            schema.Add(column.Type switch
            {
                ParquetType.Int32 => new SchemaElement(column.Name, PhysicalType.Int32, repetition),
                ParquetType.Int64 => new SchemaElement(column.Name, PhysicalType.Int64, repetition),
                ParquetType.Double => new SchemaElement(column.Name, PhysicalType.Double, repetition),
                ParquetType.Boolean => new SchemaElement(column.Name, PhysicalType.Boolean, repetition),
                ParquetType.Utf8 => new SchemaElement(
                    column.Name, PhysicalType.ByteArray, repetition, ConvertedType: ConvertedType.Utf8, IsStringLogicalType: true),
                _ => throw new ArgumentOutOfRangeException(nameof(columns), column.Type, "Unknown column type."),
            });
        }

        return schema;
    }

    /// <summary>The flat columns of a schema; anything this library cannot represent is <see cref="InvalidDataException"/>.</summary>
    public static IReadOnlyList<ParquetColumn> FromSchema(IReadOnlyList<SchemaElement> schema)
    {
        if (schema.Count == 0 || schema[0].NumChildren != schema.Count - 1)
        {
            throw new InvalidDataException("Only flat Parquet schemas (a root whose children are all leaves) are supported.");
        }

        var columns = new List<ParquetColumn>(schema.Count - 1);
        foreach (var element in schema.Skip(1))
        {
            var nullable = element.Repetition switch
            {
                FieldRepetitionType.Required => false,
                FieldRepetitionType.Optional => true,
                _ => throw new InvalidDataException($"Column '{element.Name}' has unsupported repetition {element.Repetition}."),
            };
            var type = element.Type switch
            {
                PhysicalType.Int32 => ParquetType.Int32,
                PhysicalType.Int64 => ParquetType.Int64,
                PhysicalType.Double => ParquetType.Double,
                PhysicalType.Boolean => ParquetType.Boolean,
                PhysicalType.ByteArray when element.IsStringLogicalType || element.ConvertedType == ConvertedType.Utf8 => ParquetType.Utf8,
                _ => throw new InvalidDataException($"Column '{element.Name}' has unsupported type {element.Type}."),
            };
            columns.Add(new ParquetColumn(element.Name, type, nullable));
        }

        return columns;
    }
}
