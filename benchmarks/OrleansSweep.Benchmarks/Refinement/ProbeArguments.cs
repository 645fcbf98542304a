using System.Globalization;

namespace OrleansSweep.Benchmarks.Refinement;

/// <summary><c>name=value</c> arguments with integer defaults; an unknown name is an error that lists the known ones.</summary>
internal static class ProbeArguments
{
    public static IReadOnlyDictionary<string, int> Parse(string[] args, params (string Name, int Default)[] known)
    {
        var values = known.ToDictionary(k => k.Name, k => k.Default, StringComparer.Ordinal);
        foreach (var arg in args)
        {
            var parts = arg.Split('=', 2);
            if (parts.Length != 2 || !values.ContainsKey(parts[0]) || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                throw new ArgumentException($"'{arg}': expected name=integer with name one of {string.Join(", ", values.Keys)}.");
            }

            values[parts[0]] = value;
        }

        return values;
    }
}
