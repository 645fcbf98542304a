using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// Writes a spec in one canonical form: every default explicit, parameters (all of them, defaults filled, except
/// the swept ones) in ordinal order, numbers in <see cref="CanonicalNumber"/> form, analyses and knobs in ordinal
/// order, "\n" line ends. The result is itself a valid spec that parses to the same fingerprint.
/// </summary>
internal static class CanonicalSpec
{
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The full canonical spec (indented), as stored in the output folder's marker.</summary>
    public static string Render(SweepSpec spec) => Write(Indented, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("name", spec.Name);
        if (spec.Description is not null)
        {
            writer.WriteString("description", spec.Description);
        }

        WriteComputation(writer, spec, identity: false);
        writer.WriteString("output", spec.Output);
        if (spec.MemoryLimitGb is { } limit)
        {
            writer.WritePropertyName("memoryLimitGb");
            writer.WriteRawValue(CanonicalNumber.Format(limit));
        }

        writer.WriteEndObject();
    });

    /// <summary>
    /// The compact identity document hashed by <see cref="SpecFingerprint"/>: only what determines the cells and their
    /// numbers, with each axis as its list of points.
    /// </summary>
    public static string Identity(SweepSpec spec) => Write(Compact, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("format", SpecFingerprint.Version);
        WriteComputation(writer, spec, identity: true);
        writer.WriteEndObject();
    });

    private static void WriteComputation(Utf8JsonWriter writer, SweepSpec spec, bool identity)
    {
        var definitions = ModelCatalog.ParametersOf(spec.Model).ToDictionary(d => d.Name, StringComparer.Ordinal);
        writer.WriteString("model", ModelCatalog.NameOf(spec.Model));
        if (spec.N is { } n)
        {
            writer.WriteNumber("n", n);
        }

        writer.WriteNumber("realizations", spec.Realizations);
        writer.WriteNumber("seed", spec.Seed);
        if (spec.Disorder == Disorder.Shared)
        {
            writer.WriteString("disorder", "shared"); // only when shared, so per-cell specs keep their fingerprints
        }

        writer.WriteStartObject("parameters");
        var swept = spec.Grid.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in ModelCatalog.Resolve(spec.Model, spec.Parameters).Where(p => !swept.Contains(p.Key)))
        {
            writer.WritePropertyName(name);
            WriteValue(writer, definitions[name], value);
        }

        writer.WriteEndObject();
        if (identity)
        {
            WriteAxisPoints(writer, spec, definitions);
        }
        else
        {
            WriteAxes(writer, spec, definitions);
        }

        writer.WritePropertyName("analyses");
        spec.Analyses.WriteJson(writer);

        // Only when present, so that a plain spec keeps the fingerprint it had before refinement existed.
        if (spec.Refine is { } refine)
        {
            writer.WritePropertyName("refine");
            refine.WriteJson(writer);
        }
    }

    private static void WriteAxes(Utf8JsonWriter writer, SweepSpec spec, Dictionary<string, ParameterDefinition> definitions)
    {
        writer.WriteStartObject("grid");
        foreach (var axis in spec.Grid)
        {
            writer.WriteStartObject(axis.Name);
            var definition = definitions.GetValueOrDefault(axis.Name);
            if (axis is RangeAxis range)
            {
                writer.WritePropertyName("from");
                WriteValue(writer, definition, range.From);
                writer.WritePropertyName("to");
                WriteValue(writer, definition, range.To);
                writer.WriteNumber("steps", range.Steps);
                writer.WriteString("scale", range.Scale == AxisScale.Log ? "log" : "linear");
            }
            else
            {
                writer.WriteStartArray("values");
                foreach (var point in axis.Points())
                {
                    WriteValue(writer, definition, point);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteAxisPoints(Utf8JsonWriter writer, SweepSpec spec, Dictionary<string, ParameterDefinition> definitions)
    {
        // Axis order and point order define the cell indices, so they are part of the identity.
        writer.WriteStartArray("grid");
        foreach (var axis in spec.Grid)
        {
            writer.WriteStartObject();
            writer.WriteString("name", axis.Name);
            writer.WriteStartArray("points");
            for (var i = 0; i < axis.Count; i++)
            {
                WriteValue(writer, definitions.GetValueOrDefault(axis.Name), axis.PointAt(i));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>A value as the spec writes it: a flag as true/false, a choice by name, anything else as a number.</summary>
    private static void WriteValue(Utf8JsonWriter writer, ParameterDefinition? definition, double value)
    {
        switch (definition?.Kind)
        {
            case ParameterKind.Flag:
                writer.WriteBooleanValue(value != 0);
                break;
            case ParameterKind.Choice:
                writer.WriteStringValue(definition.Choices![(int)value]);
                break;
            default:
                writer.WriteRawValue(CanonicalNumber.Format(value));
                break;
        }
    }

    private static string Write(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
