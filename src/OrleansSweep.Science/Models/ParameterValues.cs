using System.Globalization;

namespace OrleansSweep.Science.Models;

/// <summary>Resolves a family's parameters through <see cref="ModelCatalog"/> and reads them by kind.</summary>
internal static class ParameterValues
{
    /// <summary>
    /// Defaults filled in and every value checked against its definition: finite, inside [Minimum, Maximum], flags
    /// 0 or 1, choices an integral index. A bad value is a configuration error (validation normally rejects it first).
    /// </summary>
    public static IReadOnlyDictionary<string, double> Resolve(ModelFamily family, IReadOnlyDictionary<string, double>? values)
    {
        var resolved = ModelCatalog.Resolve(family, values);
        foreach (var definition in ModelCatalog.ParametersOf(family))
        {
            var value = resolved[definition.Name];
            var integral = definition.Kind is ParameterKind.Flag or ParameterKind.Choice;
            if (!double.IsFinite(value) || value < definition.Minimum || value > definition.Maximum
                || (integral && value != Math.Round(value)))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(values),
                    string.Create(CultureInfo.InvariantCulture, $"{ModelCatalog.NameOf(family)}.{definition.Name} = {value} is outside its range [{definition.Minimum}, {definition.Maximum}]."));
            }
        }

        return resolved;
    }

    public static bool Flag(IReadOnlyDictionary<string, double> parameters, string name) => parameters[name] != 0.0;

    /// <summary>The chosen name of a choice parameter (e.g. "rk4").</summary>
    public static string Choice(ModelFamily family, IReadOnlyDictionary<string, double> parameters, string name)
    {
        var definition = ModelCatalog.ParametersOf(family).Single(p => p.Name == name);
        return definition.Choices![(int)parameters[name]];
    }
}
