using System.Text.Json;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// Reads the knobs of one analysis object: reports unknown knobs (with the nearest known name), and returns each
/// knob's value, or its default when it is absent or wrong (the error is recorded).
/// </summary>
internal sealed class KnobReader
{
    private readonly Dictionary<string, JsonElement> values = new(StringComparer.Ordinal);
    private readonly string analysisPath;
    private readonly SpecErrorList errorList;

    /// <summary>Reads the knob names of <paramref name="element"/>, an analysis object, or of nothing (null) for <c>true</c>.</summary>
    public KnobReader(JsonElement? element, string path, SpecErrorList errors, string analysisName, IReadOnlyList<string> knobNames)
    {
        analysisPath = path;
        errorList = errors;
        if (element is not { } obj)
        {
            return;
        }

        foreach (var (name, value) in JsonValues.Properties(obj, path, errors))
        {
            if (knobNames.Contains(name, StringComparer.Ordinal))
            {
                values[name] = value;
                continue;
            }

            var fix = knobNames.Count == 0
                ? $"remove '{name}': {analysisName} has no knobs"
                : NameSuggester.Nearest(name, knobNames) is { } nearest
                    ? $"rename it to '{nearest}' (knobs of {analysisName}: {string.Join(", ", knobNames)})"
                    : $"use one of the knobs of {analysisName}: {string.Join(", ", knobNames)}";
            errors.Add(JsonValues.Path(path, name), $"'{name}' is not a knob of {analysisName}{NameSuggester.DidYouMean(name, knobNames)}", fix);
        }
    }

    public string PathOf(string knob) => JsonValues.Path(analysisPath, knob);

    /// <summary>Whether the knob is written in the spec (its value may still be wrong).</summary>
    public bool Has(string knob) => values.ContainsKey(knob);

    /// <summary>Records an error about a knob that is present.</summary>
    public void Error(string knob, string message, string fix) => errorList.Add(PathOf(knob), message, fix);

    public int Whole(string knob, int fallback, int minimum, int maximum = int.MaxValue) =>
        values.TryGetValue(knob, out var element) &&
        JsonValues.TryWhole(element, PathOf(knob), errorList, minimum, maximum, out var value)
            ? (int)value
            : fallback;

    public bool Flag(string knob, bool fallback) =>
        values.TryGetValue(knob, out var element) && JsonValues.TryBool(element, PathOf(knob), errorList, out var value)
            ? value
            : fallback;

    /// <summary>A finite number with a lower bound (inclusive, or exclusive when <paramref name="positive"/>) and an optional upper bound.</summary>
    public double Real(string knob, double fallback, double minimum, bool positive = false, double maximum = double.PositiveInfinity)
    {
        if (!values.TryGetValue(knob, out var element))
        {
            return fallback;
        }

        return TryBounded(element, PathOf(knob), minimum, positive, maximum, out var value) ? value : fallback;
    }

    /// <summary>A non-empty list of bounded finite numbers.</summary>
    public IReadOnlyList<double> RealList(string knob, IReadOnlyList<double> fallback, double minimum, bool positive = false)
    {
        if (!values.TryGetValue(knob, out var element))
        {
            return fallback;
        }

        var knobPath = PathOf(knob);
        if (element.ValueKind != JsonValueKind.Array)
        {
            errorList.Add(knobPath, $"must be an array of numbers, but is {JsonValues.Describe(element)}.", "write a list in brackets, e.g. [0.1, 1.0]");
            return fallback;
        }

        if (element.GetArrayLength() == 0)
        {
            errorList.Add(knobPath, "is empty.", "list at least one number, e.g. [0.1, 1.0]");
            return fallback;
        }

        var list = new List<double>();
        var index = 0;
        var ok = true;
        foreach (var item in element.EnumerateArray())
        {
            ok &= TryBounded(item, JsonValues.Index(knobPath, index++), minimum, positive, double.PositiveInfinity, out var value);
            list.Add(value);
        }

        return ok ? list : fallback;
    }

    private bool TryBounded(JsonElement element, string at, double minimum, bool positive, double maximum, out double value)
    {
        if (!JsonValues.TryReal(element, at, errorList, out value))
        {
            return false;
        }

        var tooLow = positive ? value <= minimum : value < minimum;
        if (tooLow || value > maximum)
        {
            var lower = $"{(positive ? ">" : "≥")} {CanonicalNumber.Format(minimum)}";
            var bounds = double.IsPositiveInfinity(maximum) ? lower : $"{lower} and ≤ {CanonicalNumber.Format(maximum)}";
            errorList.Add(at, $"must be {bounds}, but is {CanonicalNumber.Show(value)}.", $"use a value {bounds}");
            return false;
        }

        return true;
    }
}
