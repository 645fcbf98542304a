using System.Text.Json;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// The <c>grid</c> object: one axis per parameter (or <c>n</c>), as a range <c>{"from", "to", "steps", "scale"}</c>
/// or a list <c>{"values": [...]}</c>. Every point passes the same checks as a fixed parameter value.
/// </summary>
internal sealed partial class SpecReader
{
    private const string AxisExample = "{\"from\": 0.5, \"to\": 4, \"steps\": 8} or {\"values\": [0, 2, 10]}";

    private static readonly string[] RangeKeys = ["from", "to", "steps", "scale"];
    private static readonly string[] AxisKeys = [.. RangeKeys, "values"];

    private void ReadGrid()
    {
        if (!fields.TryGetValue("grid", out var element) || !JsonValues.IsObject(element, "grid", errors, $"{{\"gH\": {AxisExample}}}"))
        {
            return;
        }

        foreach (var (axisName, axisElement) in JsonValues.Properties(element, "grid", errors))
        {
            var path = JsonValues.Path("grid", axisName);
            ParameterDefinition? definition = null;
            if (axisName == SweepAxis.UnitCountName)
            {
                if (fields.ContainsKey("n"))
                {
                    errors.Add(path, "n is both fixed (the top-level n) and swept (grid.n).", "remove the top-level n to sweep it, or remove grid.n to fix it");
                }
            }
            else if (model is not { } family || (definition = FindParameter(family, axisName, path)) is null)
            {
                continue;
            }
            else if (fixedNames.Contains(axisName))
            {
                errors.Add(path, $"'{axisName}' is both fixed (parameters.{axisName}) and swept (grid.{axisName}).", $"remove parameters.{axisName} to sweep it, or remove grid.{axisName} to fix it");
            }

            if (ReadAxis(axisName, definition, axisElement, path) is { } axis)
            {
                axes.Add(axis);
            }
        }
    }

    /// <summary>One axis; <paramref name="definition"/> is the swept parameter, or null for the <c>n</c> axis.</summary>
    private SweepAxis? ReadAxis(string axisName, ParameterDefinition? definition, JsonElement element, string path)
    {
        if (!JsonValues.IsObject(element, path, errors, AxisExample))
        {
            return null;
        }

        var keys = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var misspelled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in JsonValues.Properties(element, path, errors))
        {
            if (AxisKeys.Contains(key, StringComparer.Ordinal))
            {
                keys[key] = value;
                continue;
            }

            var nearest = NameSuggester.Nearest(key, AxisKeys);
            if (nearest is not null)
            {
                misspelled.Add(nearest);
            }

            errors.Add(
                JsonValues.Path(path, key),
                $"'{key}' is not a field of a grid axis{NameSuggester.DidYouMean(key, AxisKeys)}",
                (nearest is null ? string.Empty : $"rename it to '{nearest}'; ") + $"an axis is {AxisExample}");
        }

        var rangeWritten = RangeKeys.Any(keys.ContainsKey);
        var listWritten = keys.ContainsKey("values");
        if (rangeWritten && listWritten)
        {
            errors.Add(path, "mixes a range (from/to/steps/scale) with a list of values.", "keep either from, to and steps (and scale), or values");
            return null;
        }

        if (rangeWritten)
        {
            return ReadRange(axisName, definition, keys, misspelled, path);
        }

        if (listWritten)
        {
            return ReadValues(axisName, definition, keys["values"], path);
        }

        // A misspelled key was reported already; otherwise the axis is empty.
        if (misspelled.Count == 0)
        {
            errors.Add(path, "has no points: it gives neither from/to/steps nor values.", $"write {AxisExample}");
        }

        return null;
    }

    private ValuesAxis? ReadValues(string axisName, ParameterDefinition? definition, JsonElement element, string path)
    {
        var valuesPath = JsonValues.Path(path, "values");
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(valuesPath, $"must be an array, but is {JsonValues.Describe(element)}.", "list the points in brackets, e.g. [0, 2.5, 10]");
            return null;
        }

        if (element.GetArrayLength() == 0)
        {
            errors.Add(valuesPath, "is empty, so the axis has no points.", "list at least one value, or remove the axis");
            return null;
        }

        var values = new List<double>();
        var firstIndex = new Dictionary<double, int>();
        var ok = true;
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = JsonValues.Index(valuesPath, index);
            double value;
            var itemOk = definition is null
                ? TryUnitCount(item, itemPath, out value)
                : TryParameterValue(definition, item, itemPath, out value);
            if (itemOk && firstIndex.TryGetValue(value == 0 ? 0 : value, out var first))
            {
                errors.Add(itemPath, $"repeats {JsonValues.Index(valuesPath, first)} ({JsonValues.Describe(item)}); grid points must be distinct.", "remove the repeated value");
                itemOk = false;
            }
            else if (itemOk)
            {
                firstIndex[value == 0 ? 0 : value] = index;
            }

            ok &= itemOk;
            values.Add(value);
            index++;
        }

        return ok ? new ValuesAxis(axisName, values.AsReadOnly()) : null;
    }

    private bool TryUnitCount(JsonElement element, string path, out double value)
    {
        var ok = JsonValues.TryWhole(element, path, errors, 1, SweepSpec.MaxN, out var whole);
        value = whole;
        return ok;
    }
}
