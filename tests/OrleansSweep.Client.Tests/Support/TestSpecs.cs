namespace OrleansSweep.Client.Tests.Support;

/// <summary>Small specs for end-to-end runs (seconds on 2 cores) and the bad-spec catalogue.</summary>
internal static class TestSpecs
{
    /// <summary>A rate-model sweep over g with every analysis on: 2 realisations per cell.</summary>
    public static string Rate(int cells = 8, string name = "rate-e2e") => $$"""
        {
          "name": "{{name}}",
          "model": "rate",
          "n": 24,
          "realizations": 2,
          "seed": 5,
          "parameters": { "dt": 0.1 },
          "grid": { "g": { "from": 0.5, "to": 3.0, "steps": {{cells}} } },
          "analyses": {
            "lyapunov": { "exponents": 4, "transientTime": 20, "averagingTime": 40, "windows": 4 },
            "spectrum": { "samples": 2, "sampleInterval": 2, "transientTime": 10 },
            "fixedPoints": { "starts": 12 },
            "theory": {}
          }
        }
        """;

    public static string Write(string folder, string json, string file = "spec.json")
    {
        var path = Path.Combine(folder, file);
        File.WriteAllText(path, json);
        return path;
    }
}
