using System.Globalization;
using System.Text.Json;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// Typed reads of JSON values that record a <see cref="SpecError"/> (naming the path, what was found and the fix)
/// instead of throwing, so that reading goes on and every problem of a spec is reported.
/// </summary>
internal static class JsonValues
{
    public static string Path(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static string Index(string parent, int index) => $"{parent}[{index.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>How a value appears in a message: <c>the string "60"</c>, <c>an object</c>, <c>the number 1e400</c>.</summary>
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>
    /// The properties of an object in the order written. A name written twice is an error (JSON readers disagree on
    /// which copy wins); the first copy is kept so that reading can go on.
    /// </summary>
    public static List<(string Name, JsonElement Value)> Properties(JsonElement obj, string path, SpecErrorList errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<(string, JsonElement)>();
        foreach (var property in obj.EnumerateObject())
        {
            if (seen.Add(property.Name))
            {
                properties.Add((property.Name, property.Value));
            }
            else
            {
                errors.Add(Path(path, property.Name), "is written twice.", "keep one copy of the field");
            }
        }

        return properties;
    }

    public static bool IsObject(JsonElement element, string path, SpecErrorList errors, string example)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        errors.Add(path, $"must be an object, but is {Describe(element)}.", $"write an object, e.g. {example}");
        return false;
    }

    /// <summary>A finite number.</summary>
    public static bool TryReal(JsonElement element, string path, SpecErrorList errors, out double value)
    {
        value = 0;
        if (element.ValueKind != JsonValueKind.Number)
        {
            errors.Add(path, $"must be a number, but is {Describe(element)}.", NumberFix(element));
            return false;
        }

        if (!element.TryGetDouble(out value) || !double.IsFinite(value))
        {
            errors.Add(path, $"is not a finite number ({element.GetRawText()} overflows a double).", "use a finite number within ±1.7e308");
            value = 0;
            return false;
        }

        return true;
    }

    /// <summary>A whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>]; 60.0 counts as whole.</summary>
    public static bool TryWhole(JsonElement element, string path, SpecErrorList errors, long minimum, long maximum, out long value)
    {
        value = 0;
        if (!TryReal(element, path, errors, out var real))
        {
            return false;
        }

        var range = maximum >= int.MaxValue
            ? $"≥ {CanonicalNumber.Format(minimum)}"
            : $"between {CanonicalNumber.Format(minimum)} and {CanonicalNumber.Format(maximum)}";
        if (Math.Floor(real) != real)
        {
            errors.Add(path, $"must be a whole number, but is {CanonicalNumber.Show(real)}.", $"use a whole number {range}");
            return false;
        }

        if (real < minimum || real > maximum)
        {
            var bound = real < minimum ? $"at least {CanonicalNumber.Format(minimum)}" : $"at most {CanonicalNumber.Format(maximum)}";
            errors.Add(path, $"must be {bound}, but is {CanonicalNumber.Show(real)}.", $"use a whole number {range}");
            return false;
        }

        value = (long)real;
        return true;
    }

    public static bool TryBool(JsonElement element, string path, SpecErrorList errors, out bool value)
    {
        value = element.ValueKind == JsonValueKind.True;
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return true;
        }

        errors.Add(path, $"must be true or false, but is {Describe(element)}.", "write true or false without quotes");
        return false;
    }

    public static bool TryString(JsonElement element, string path, SpecErrorList errors, out string value, string example)
    {
        value = string.Empty;
        if (element.ValueKind == JsonValueKind.String)
        {
            value = element.GetString() ?? string.Empty;
            return true;
        }

        errors.Add(path, $"must be a string, but is {Describe(element)}.", $"write a string in double quotes, e.g. {example}");
        return false;
    }

    private static string NumberFix(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String &&
            double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) &&
            double.IsFinite(parsed))
        {
            return $"remove the quotes: {element.GetString()}";
        }

        return "write a finite number without quotes (JSON has no NaN or Infinity)";
    }
}
