using System.Globalization;
using System.Text.Json;

namespace OrleansSweep.Parquet.Tests.Support;

/// <summary>Turns reader JSON back into typed values and compares them exactly.</summary>
public static class ReaderValues
{
    /// <summary>A value as the reader scripts print it: numbers as strings, booleans and strings as JSON, null.</summary>
    public static object? Parse(ParquetType type, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
        return type switch
        {
            ParquetType.Int32 => int.Parse(text, CultureInfo.InvariantCulture),
            ParquetType.Int64 => long.Parse(text, CultureInfo.InvariantCulture),
            ParquetType.Double => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            ParquetType.Boolean => bool.Parse(text),
            ParquetType.Utf8 => element.GetString(),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    /// <summary>Exact equality: doubles bit for bit (so −0 ≠ +0), any NaN equal to any NaN.</summary>
    public static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (double e, double a) => double.IsNaN(e) ? double.IsNaN(a) : BitConverter.DoubleToInt64Bits(e) == BitConverter.DoubleToInt64Bits(a),
        (string e, string a) => string.Equals(e, a, StringComparison.Ordinal),
        _ => expected.Equals(actual),
    };

    public static string Show(object? value) => value switch
    {
        null => "null",
        double d => $"{d.ToString("R", CultureInfo.InvariantCulture)} (bits 0x{BitConverter.DoubleToInt64Bits(d):X16})",
        string s => JsonSerializer.Serialize(s),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
    };
}
