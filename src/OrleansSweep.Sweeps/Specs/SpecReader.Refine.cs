using System.Globalization;
using System.Text.Json;
using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Refinement;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// The <c>refine</c> block: <c>{"metric", "level", "depth", "axes", "sigmas"}</c> (see <see cref="RefineSettings"/>).
/// Read after the grid and the analyses, because the metric must be produced by an analysis that is on and the axes
/// must be grid axes with room between their points. A check that needs a field which is itself wrong is skipped.
/// </summary>
internal sealed partial class SpecReader
{
    private const string RefineExample = "{\"metric\": \"lyapunov_max\", \"level\": 0, \"depth\": 4}";

    private RefineSettings? refine;

    private void ReadRefine()
    {
        if (!fields.TryGetValue("refine", out var element) || !JsonValues.IsObject(element, "refine", errors, RefineExample))
        {
            return;
        }

        var keys = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in JsonValues.Properties(element, "refine", errors))
        {
            if (RefineSettings.KnobNames.Contains(key, StringComparer.Ordinal))
            {
                keys[key] = value;
                continue;
            }

            var nearest = NameSuggester.Nearest(key, RefineSettings.KnobNames);
            errors.Add(
                JsonValues.Path("refine", key),
                $"'{key}' is not a field of refine{NameSuggester.DidYouMean(key, RefineSettings.KnobNames)}",
                (nearest is null ? string.Empty : $"rename it to '{nearest}'; ") + $"the fields are: {string.Join(", ", RefineSettings.KnobNames)}");
        }

        var metric = ReadRefineMetric(keys);
        var level = ReadRefineLevel(keys);
        var depth = ReadRefineDepth(keys);
        var sigmas = ReadRefineSigmas(keys);
        var refined = ReadRefineAxes(keys);
        if (metric is null || level is null || depth is null || sigmas is null || refined is null)
        {
            return;
        }

        var settings = new RefineSettings(metric, level.Value, depth.Value, refined, sigmas.Value);
        var coarse = axes.Aggregate(1L, (product, axis) => product * axis.Count);
        if (coarse <= SweepSpec.MaxCells && settings.WorstCaseCellCount(coarse) > int.MaxValue)
        {
            var deepest = Enumerable.Range(0, depth.Value).Last(d => (settings with { Depth = d }).WorstCaseCellCount(coarse) <= int.MaxValue);
            errors.Add(
                "refine.depth",
                $"allows up to {settings.WorstCaseCellCount(coarse).ToString("N0", CultureInfo.InvariantCulture)} cells in the worst case ({coarse.ToString("N0", CultureInfo.InvariantCulture)} coarse cells, depth {depth}), more than the {int.MaxValue.ToString("N0", CultureInfo.InvariantCulture)} cell indices.",
                $"use depth ≤ {deepest}, or a coarser grid");
            return;
        }

        refine = settings;
    }

    private string? ReadRefineMetric(Dictionary<string, JsonElement> keys)
    {
        if (!keys.TryGetValue("metric", out var element))
        {
            errors.Add("refine.metric", "is missing: the phase-map column whose level crossing is refined.", "add e.g. \"metric\": \"lyapunov_max\"");
            return null;
        }

        if (!JsonValues.TryString(element, "refine.metric", errors, out var metric, "\"lyapunov_max\""))
        {
            return null;
        }

        if (!RefinableMetrics.IsKnown(metric))
        {
            var nearest = NameSuggester.Nearest(metric, RefinableMetrics.Names);
            errors.Add(
                "refine.metric",
                $"'{metric}' is not a metric column of the phase map{NameSuggester.DidYouMean(metric, RefinableMetrics.Names)}",
                (nearest is null ? string.Empty : $"write '{nearest}'; ") + "use a measured metric (lyapunov_max, mean_square_activity, spectral_abscissa, …), a theory_* column or bistable");
            return null;
        }

        if (RefinableMetrics.RequiredAnalysis(metric) is { } analysis && !errors.Any("analyses") &&
            !RefinableMetrics.IsOn(analyses, analysis))
        {
            errors.Add(
                "refine.metric",
                $"'{metric}' is computed by the {analysis} analysis, which is off, so every cell would miss it.",
                $"add \"{analysis}\": {{}} to analyses, or refine on a metric of an analysis that is on");
            return null;
        }

        return metric;
    }

    private double? ReadRefineLevel(Dictionary<string, JsonElement> keys)
    {
        if (!keys.TryGetValue("level", out var element))
        {
            errors.Add("refine.level", "is missing: the value of the metric on the boundary.", "add e.g. \"level\": 0 (λ_max = 0 is the onset of chaos)");
            return null;
        }

        return JsonValues.TryReal(element, "refine.level", errors, out var level) ? level : null;
    }

    private int? ReadRefineDepth(Dictionary<string, JsonElement> keys)
    {
        if (!keys.TryGetValue("depth", out var element))
        {
            return RefineSettings.DefaultDepth;
        }

        return JsonValues.TryWhole(element, "refine.depth", errors, 0, RefineSettings.MaxDepth, out var depth) ? (int)depth : null;
    }

    private double? ReadRefineSigmas(Dictionary<string, JsonElement> keys)
    {
        if (!keys.TryGetValue("sigmas", out var element))
        {
            return RefineSettings.DefaultSigmas;
        }

        if (!JsonValues.TryReal(element, "refine.sigmas", errors, out var sigmas))
        {
            return null;
        }

        if (sigmas < 0)
        {
            errors.Add("refine.sigmas", $"must be ≥ 0, but is {CanonicalNumber.Show(sigmas)}.", $"use the number of standard errors a crossing must clear, e.g. {CanonicalNumber.Show(RefineSettings.DefaultSigmas)}");
            return null;
        }

        return sigmas;
    }

    /// <summary>The refined axes in grid order, or null after recording an error.</summary>
    private IReadOnlyList<string>? ReadRefineAxes(Dictionary<string, JsonElement> keys)
    {
        // An axis that failed to read is missing from `axes`; naming it here would only repeat that error.
        if (errors.Any("grid"))
        {
            return null;
        }

        var gridNames = axes.Select(a => a.Name).ToList();
        if (!keys.TryGetValue("axes", out var element))
        {
            return DefaultRefineAxes(gridNames);
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() is < 1 or > 2)
        {
            errors.Add("refine.axes", $"must list one or two grid axes, but is {JsonValues.Describe(element)}.", "write e.g. \"axes\": [\"gH\", \"alphaR\"]");
            return null;
        }

        var named = new List<string>();
        var ok = true;
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var path = JsonValues.Index("refine.axes", index++);
            if (!JsonValues.TryString(item, path, errors, out var axisName, "\"gH\""))
            {
                ok = false;
                continue;
            }

            if (named.Contains(axisName, StringComparer.Ordinal))
            {
                errors.Add(path, $"repeats '{axisName}'.", "name each refined axis once");
                ok = false;
                continue;
            }

            named.Add(axisName);
            ok &= CheckRefinedAxis(axisName, gridNames, path);
        }

        // Grid order, whatever order the block lists them in: the refinement's geometry (and the fingerprint) follow it.
        return ok ? [.. gridNames.Where(named.Contains)] : null;
    }

    private IReadOnlyList<string>? DefaultRefineAxes(List<string> gridNames)
    {
        if (gridNames.Count == 0)
        {
            errors.Add("refine", "has no grid axis to refine: the grid is empty.", "add a grid axis with at least 2 points, e.g. \"grid\": {\"gH\": {\"from\": 0.5, \"to\": 4, \"steps\": 8}}");
            return null;
        }

        if (gridNames.Count > 2)
        {
            errors.Add("refine.axes", $"is missing, and the grid has {gridNames.Count} axes ({string.Join(", ", gridNames)}); refinement splits along one or two.", $"name them, e.g. \"axes\": [\"{gridNames[0]}\", \"{gridNames[1]}\"]");
            return null;
        }

        var ok = gridNames.Aggregate(true, (all, axisName) => CheckRefinedAxis(axisName, gridNames, "refine") && all);
        return ok ? gridNames : null;
    }

    /// <summary>Whether the grid axis <paramref name="axisName"/> can be split; records an error at <paramref name="path"/> if not.</summary>
    private bool CheckRefinedAxis(string axisName, List<string> gridNames, string path)
    {
        var axis = axes.FirstOrDefault(a => a.Name == axisName);
        if (axis is null)
        {
            var nearest = NameSuggester.Nearest(axisName, gridNames);
            errors.Add(
                path,
                $"'{axisName}' is not a grid axis{NameSuggester.DidYouMean(axisName, gridNames)}",
                (nearest is null ? string.Empty : $"write '{nearest}'; ") + $"the grid axes are: {(gridNames.Count == 0 ? "(none)" : string.Join(", ", gridNames))}");
            return false;
        }

        if (axis.IsUnitCount)
        {
            errors.Add(path, "names n, the number of units: there are no networks between two whole numbers of units.", "refine a parameter axis, and keep n as a list of values");
            return false;
        }

        var kind = model is { } family ? ModelCatalog.ParametersOf(family).FirstOrDefault(d => d.Name == axisName)?.Kind : null;
        if (kind is ParameterKind.Flag or ParameterKind.Choice)
        {
            errors.Add(path, $"'{axisName}' is a {(kind == ParameterKind.Flag ? "flag" : "choice")}: it has no values between its points.", "refine a real-valued parameter axis instead");
            return false;
        }

        if (axis.Count < 2)
        {
            errors.Add(path, $"grid.{axisName} has {axis.Count} point; refinement needs at least 2, so that cells have neighbours to compare.", $"give grid.{axisName} at least 2 points (steps ≥ 2 or two values), or refine another axis");
            return false;
        }

        var points = axis.Points();
        var ascending = points[1] > points[0];
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i] > points[i - 1] != ascending)
            {
                errors.Add(path, $"grid.{axisName} lists its values out of order ({CanonicalNumber.Show(points[i - 1])} then {CanonicalNumber.Show(points[i])}); refinement splits the intervals between neighbouring values.", $"sort grid.{axisName}.values ascending or descending");
                return false;
            }
        }

        return true;
    }
}
