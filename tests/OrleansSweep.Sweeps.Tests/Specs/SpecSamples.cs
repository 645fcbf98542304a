using System.Text.Json.Nodes;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Tests.Specs;

/// <summary>Sample specs and helpers shared by the spec and grid tests.</summary>
internal static class SpecSamples
{
    /// <summary>A fixed machine, so that memory checks do not depend on where the tests run.</summary>
    public static MachineProfile Laptop { get; } = new(ProcessorCount: 2, TotalMemoryBytes: 16L << 30);

    /// <summary>A valid gated sweep of 3 × 2 cells.</summary>
    public const string Gated = """
        {
          "name": "sample",
          "model": "gated",
          "n": 20,
          "realizations": 2,
          "seed": 5,
          "parameters": { "alphaZ": 1.5, "integrator": "rk4" },
          "grid": {
            "gH": { "from": 1, "to": 3, "steps": 3 },
            "alphaR": { "values": [0, 5] }
          },
          "analyses": { "lyapunov": { "exponents": 3 }, "theory": true }
        }
        """;

    public static ValidatedSweep Parse(string json) => SpecLoader.Parse(json, "test.json", Laptop);

    public static IReadOnlyList<SpecError> Errors(string json) =>
        Assert.Throws<SpecValidationException>(() => Parse(json)).Errors;

    /// <summary>The only error of <paramref name="json"/>, asserting its field.</summary>
    public static SpecError SingleError(string json, string field)
    {
        var errors = Errors(json);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        return error;
    }

    /// <summary>
    /// <paramref name="baseJson"/> with the value at a dotted path replaced by <paramref name="value"/> (JSON text),
    /// or removed when it is null. Missing objects on the way are created.
    /// </summary>
    public static string With(string path, string? value, string baseJson = Gated)
    {
        var root = JsonNode.Parse(baseJson)!.AsObject();
        var parts = path.Split('.');
        var parent = root;
        foreach (var part in parts[..^1])
        {
            parent = (parent[part] ??= new JsonObject()).AsObject();
        }

        if (value is null)
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = JsonNode.Parse(value);
        }

        return root.ToJsonString();
    }
}
