using System.Text.Json;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>One analysis knob and its value (an int, a double, a bool or a list of doubles), for canonical output.</summary>
internal readonly record struct Knob(string Name, object Value)
{
    /// <summary>The knob as <c>name=value</c> with canonical number text.</summary>
    public string CanonicalText() => $"{Name}={ValueText()}";

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WritePropertyName(Name);
        switch (Value)
        {
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case IReadOnlyList<double> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteRawValue(CanonicalNumber.Format(item));
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteRawValue(ValueText());
                break;
        }
    }

    private string ValueText() => Value switch
    {
        int whole => CanonicalNumber.Format(whole),
        double real => CanonicalNumber.Format(real),
        bool flag => flag ? "true" : "false",
        IReadOnlyList<double> list => "[" + string.Join(",", list.Select(CanonicalNumber.Format)) + "]",
        _ => throw new InvalidOperationException($"Knob '{Name}' has an unsupported value type {Value.GetType().Name}."),
    };
}
