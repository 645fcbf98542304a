using System.Text.Json;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>The <c>parameters</c> object, and the checks every parameter value passes (also used by grid points).</summary>
internal sealed partial class SpecReader
{
    private void ReadParameters()
    {
        if (!fields.TryGetValue("parameters", out var element) ||
            !JsonValues.IsObject(element, "parameters", errors, "{\"gH\": 3.0, \"integrator\": \"rk4\"}"))
        {
            return;
        }

        foreach (var (parameterName, value) in JsonValues.Properties(element, "parameters", errors))
        {
            var path = JsonValues.Path("parameters", parameterName);
            fixedNames.Add(parameterName);
            if (parameterName == SweepAxis.UnitCountName)
            {
                errors.Add(path, "'n' is the number of units, not a model parameter.", "move it to the top level (\"n\": 100), or sweep it in grid.n");
                continue;
            }

            // Without a valid model the names cannot be checked; the model error is already recorded.
            if (model is { } family && FindParameter(family, parameterName, path) is { } definition &&
                TryParameterValue(definition, value, path, out var resolved))
            {
                parameters[parameterName] = resolved;
            }
        }
    }

    /// <summary>The definition of <paramref name="parameterName"/>, or null after recording an error with the nearest name.</summary>
    private ParameterDefinition? FindParameter(ModelFamily family, string parameterName, string path)
    {
        var definitions = ModelCatalog.ParametersOf(family);
        if (definitions.FirstOrDefault(d => d.Name == parameterName) is { } definition)
        {
            return definition;
        }

        var names = definitions.Select(d => d.Name).ToArray();
        var modelName = ModelCatalog.NameOf(family);
        var owners = Enum.GetValues<ModelFamily>()
            .Where(f => f != family && ModelCatalog.ParametersOf(f).Any(d => d.Name == parameterName))
            .Select(ModelCatalog.NameOf)
            .ToArray();
        var message = $"'{parameterName}' is not a parameter of the {modelName} model{NameSuggester.DidYouMean(parameterName, names)}";
        if (owners.Length > 0)
        {
            message += $" (It is a parameter of {string.Join(", ", owners)}.)";
        }

        var nearest = NameSuggester.Nearest(parameterName, names);
        var fix = nearest is null
            ? $"use one of the {modelName} parameters: {string.Join(", ", names)}"
            : $"rename it to '{nearest}' ({modelName} parameters: {string.Join(", ", names)})";
        errors.Add(path, message, fix);
        return null;
    }

    /// <summary>A parameter value as a double (a flag 0/1, a choice its index), checked against the parameter's range.</summary>
    private bool TryParameterValue(ParameterDefinition definition, JsonElement element, string path, out double value)
    {
        value = 0;
        switch (definition.Kind)
        {
            case ParameterKind.Flag:
                if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    value = element.ValueKind == JsonValueKind.True ? 1 : 0;
                    return true;
                }

                errors.Add(path, $"{definition.Name} is a flag and must be true or false, but is {JsonValues.Describe(element)}.", "write true or false without quotes");
                return false;

            case ParameterKind.Choice:
                var choices = definition.Choices ?? [];
                var quoted = string.Join(", ", choices.Select(c => $"\"{c}\""));
                if (element.ValueKind != JsonValueKind.String)
                {
                    errors.Add(path, $"{definition.Name} is a choice and must be one of {quoted}, but is {JsonValues.Describe(element)}.", $"write the choice's name in quotes, e.g. \"{choices[0]}\"");
                    return false;
                }

                var choice = element.GetString() ?? string.Empty;
                var index = choices.ToList().IndexOf(choice);
                if (index < 0)
                {
                    errors.Add(path, $"'{choice}' is not a choice of {definition.Name}{NameSuggester.DidYouMean(choice, choices)}", $"use one of: {quoted}");
                    return false;
                }

                value = index;
                return true;

            default:
                return JsonValues.TryReal(element, path, errors, out value) && IsInRange(definition, value, path);
        }
    }

    /// <summary>Whether a real value lies in the parameter's range; records the error (naming variances as such) if not.</summary>
    private bool IsInRange(ParameterDefinition definition, double value, string path)
    {
        var shown = CanonicalNumber.Show(value);
        if (definition.IsVariance && value < 0)
        {
            errors.Add(path, $"{definition.Name} is a variance and must be ≥ 0, but is {shown}.", $"use a value ≥ 0 ({definition.Description})");
            return false;
        }

        if (value < definition.Minimum)
        {
            var minimum = CanonicalNumber.Show(definition.Minimum);
            errors.Add(path, $"{definition.Name} must be ≥ {minimum}, but is {shown}.", $"use a value ≥ {minimum} ({definition.Description})");
            return false;
        }

        if (value > definition.Maximum)
        {
            var maximum = CanonicalNumber.Show(definition.Maximum);
            errors.Add(path, $"{definition.Name} must be ≤ {maximum}, but is {shown}.", $"use a value ≤ {maximum} ({definition.Description})");
            return false;
        }

        return true;
    }
}
