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
    /// <remarks>
    /// Accepted: a root whose children are all REQUIRED or OPTIONAL leaves of INT32 or INT64 (unannotated or signed
    /// INT_8…INT_64), DOUBLE, BOOLEAN, or BYTE_ARRAY annotated as a string (UTF8 / STRING). Anything else — nested
    /// or repeated columns, unsigned integers, decimals, dates, timestamps, FLOAT, binary — is rejected by name,
    /// since reading it as one of the five types would silently change its values.
    /// </remarks>
    public static IReadOnlyList<ParquetColumn> FromSchema(IReadOnlyList<SchemaElement> schema)
    {
        if (schema.Count == 0 || schema[0].NumChildren != schema.Count - 1)
        {
            throw new InvalidDataException("Nested columns are not supported: only flat Parquet schemas (a root whose children are all leaves) can be read.");
        }

        var columns = new List<ParquetColumn>(schema.Count - 1);
        foreach (var element in schema.Skip(1))
        {
            if (element.NumChildren is > 0 || element.Type is null)
            {
                throw new InvalidDataException($"Nested columns are not supported ('{element.Name}' is a group).");
            }

            var nullable = element.Repetition switch
            {
                FieldRepetitionType.Required => false,
                FieldRepetitionType.Optional => true,
                FieldRepetitionType.Repeated => throw new InvalidDataException($"Repeated columns are not supported ('{element.Name}')."),
                _ => throw new InvalidDataException($"Column '{element.Name}' has unsupported repetition {element.Repetition}."),
            };
            columns.Add(new ParquetColumn(element.Name, ToType(element), nullable));
        }

        return columns;
    }

    private static ParquetType ToType(SchemaElement element)
    {
        var type = element.Type switch
        {
            PhysicalType.Int32 => ParquetType.Int32,
            PhysicalType.Int64 => ParquetType.Int64,
            PhysicalType.Double => ParquetType.Double,
            PhysicalType.Boolean => ParquetType.Boolean,
            PhysicalType.ByteArray when element.IsStringLogicalType || element.ConvertedType == ConvertedType.Utf8 => ParquetType.Utf8,
            PhysicalType.ByteArray => throw Unsupported(element, "binary (BYTE_ARRAY without a string annotation)"),
            _ => throw Unsupported(element, $"physical type {FormatNames.Of(element.Type)}"),
        };
        if (type is ParquetType.Int32 or ParquetType.Int64 && !IsPlainSignedInteger(element))
        {
            var annotation = element.LogicalType is { } logical
                ? $"logical type {FormatNames.Of<LogicalTypeKind>(logical)}{(element.IntegerIsSigned == false ? " (unsigned)" : string.Empty)}"
                : $"converted type {FormatNames.Of(element.ConvertedType)}";
            throw Unsupported(element, $"{FormatNames.Of(element.Type)} annotated with {annotation}");
        }

        return type;
    }

    private static bool IsPlainSignedInteger(SchemaElement element)
    {
        var convertedOk = element.ConvertedType is null or ConvertedType.Int8 or ConvertedType.Int16 or ConvertedType.Int32 or ConvertedType.Int64;
        var logicalOk = element.LogicalType is null || (element.LogicalType == LogicalTypeKind.Integer && element.IntegerIsSigned != false);
        return convertedOk && logicalOk;
    }

    private static InvalidDataException Unsupported(SchemaElement element, string what) =>
        new($"Column '{element.Name}' is {what}, which is not supported.");
}
