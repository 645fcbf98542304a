using System.Text.Json;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// A range axis <c>{"from", "to", "steps", "scale"}</c>: its keys, its shape (one step needs from = to, several need
/// from ≠ to, log needs positive ends) and its points (checked at the ends, since a range is monotone; for
/// <c>n</c>, every point must be a whole number).
/// </summary>
internal sealed partial class SpecReader
{
    private static readonly string[] ScaleNames = ["linear", "log"];

    /// <summary>A range axis; a key in <paramref name="misspelled"/> was already reported as misspelled, not as missing.</summary>
    private RangeAxis? ReadRange(
        string axisName, ParameterDefinition? definition, Dictionary<string, JsonElement> keys, HashSet<string> misspelled, string path)
    {
        if (definition is { Kind: not ParameterKind.Real })
        {
            var examples = definition.Kind == ParameterKind.Flag
                ? "false, true"
                : string.Join(", ", (definition.Choices ?? []).Select(c => $"\"{c}\""));
            errors.Add(path, $"{axisName} is a {definition.Kind.ToString().ToLowerInvariant()}, so it cannot be swept as a range.", $"list its values instead: {{\"values\": [{examples}]}}");
            return null;
        }

        var ok = TryRangeNumber(keys, misspelled, "from", path, out var from);
        ok &= TryRangeNumber(keys, misspelled, "to", path, out var to);
        ok &= TrySteps(keys, misspelled, path, out var steps);
        ok &= TryScale(keys, path, out var scale);
        if (!ok)
        {
            return null;
        }

        var stepsPath = JsonValues.Path(path, "steps");
        if (steps == 1 && from != to)
        {
            errors.Add(stepsPath, $"is 1, which gives the single point from = {CanonicalNumber.Show(from)}, but to = {CanonicalNumber.Show(to)} differs.", "use steps ≥ 2 to reach to, or set to equal to from");
            return null;
        }

        if (steps > 1 && from == to)
        {
            errors.Add(stepsPath, $"is {steps}, but from = to = {CanonicalNumber.Show(from)}, so every point would be the same cell.", "set to different from from, or use steps = 1");
            return null;
        }

        if (scale == AxisScale.Log && (from <= 0 || to <= 0))
        {
            var end = from <= 0 ? "from" : "to";
            errors.Add(JsonValues.Path(path, end), $"must be > 0 on a log scale, but is {CanonicalNumber.Show(from <= 0 ? from : to)}.", $"use a positive {end}, or \"scale\": \"linear\"");
            return null;
        }

        var axis = new RangeAxis(axisName, from, to, steps, scale);

        // A range is monotone, so its endpoints bound every point.
        var endpointsOk = definition is null
            ? IsUnitCount(from, JsonValues.Path(path, "from")) & IsUnitCount(to, JsonValues.Path(path, "to"))
            : IsInRange(definition, from, JsonValues.Path(path, "from")) & IsInRange(definition, to, JsonValues.Path(path, "to"));
        if (!endpointsOk)
        {
            return null;
        }

        if (definition is null)
        {
            for (var i = 1; i < steps - 1; i++)
            {
                var point = axis.PointAt(i);
                if (Math.Floor(point) != point)
                {
                    errors.Add(path, $"point {i} of {steps} is {CanonicalNumber.Show(point)}, not a whole number of units.", "choose from, to and steps so that (to − from)/(steps − 1) is a whole number, or list the values");
                    return null;
                }
            }
        }

        return axis;
    }

    private bool TryRangeNumber(Dictionary<string, JsonElement> keys, HashSet<string> misspelled, string key, string path, out double value)
    {
        value = 0;
        if (keys.TryGetValue(key, out var element))
        {
            return JsonValues.TryReal(element, JsonValues.Path(path, key), errors, out value);
        }

        if (!misspelled.Contains(key))
        {
            errors.Add(JsonValues.Path(path, key), "is missing.", "a range needs from, to and steps (scale is optional)");
        }

        return false;
    }

    private bool TrySteps(Dictionary<string, JsonElement> keys, HashSet<string> misspelled, string path, out int steps)
    {
        steps = 0;
        var stepsPath = JsonValues.Path(path, "steps");
        if (!keys.TryGetValue("steps", out var element))
        {
            if (!misspelled.Contains("steps"))
            {
                errors.Add(stepsPath, "is missing.", "a range needs from, to and steps (scale is optional)");
            }

            return false;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var raw) && raw < 1)
        {
            errors.Add(stepsPath, $"is {CanonicalNumber.Show(raw)}, so the axis has no points.", "use steps ≥ 1 (steps = 1 gives the single point from, with to = from)");
            return false;
        }

        if (!JsonValues.TryWhole(element, stepsPath, errors, 1, SweepSpec.MaxCells, out var value))
        {
            return false;
        }

        steps = (int)value;
        return true;
    }

    private bool TryScale(Dictionary<string, JsonElement> keys, string path, out AxisScale scale)
    {
        scale = AxisScale.Linear;
        var scalePath = JsonValues.Path(path, "scale");
        if (!keys.TryGetValue("scale", out var element))
        {
            return true;
        }

        if (!JsonValues.TryString(element, scalePath, errors, out var text, "\"log\""))
        {
            return false;
        }

        switch (text)
        {
            case "linear":
                return true;
            case "log":
                scale = AxisScale.Log;
                return true;
            default:
                errors.Add(scalePath, $"'{text}' is not a scale{NameSuggester.DidYouMean(text, ScaleNames)}", "use \"linear\" or \"log\"");
                return false;
        }
    }

    private bool IsUnitCount(double value, string path)
    {
        if (Math.Floor(value) == value && value is >= 1 and <= SweepSpec.MaxN)
        {
            return true;
        }

        errors.Add(path, $"must be a whole number of units between 1 and {SweepSpec.MaxN}, but is {CanonicalNumber.Show(value)}.", "use a whole number of units");
        return false;
    }
}
