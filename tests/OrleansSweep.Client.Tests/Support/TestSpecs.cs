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

    /// <summary>
    /// A rate-model sweep over g refined where λ_max crosses 0 (near g = 1): 5 coarse cells to depth 3, one
    /// realisation (no SEM: every straddling pair splits), so the rounds and their cells are fixed by the seed.
    /// </summary>
    public static string RefinedRate(string name = "refined-e2e") => $$"""
        {
          "name": "{{name}}",
          "model": "rate",
          "n": 60,
          "realizations": 1,
          "seed": 9,
          "parameters": { "dt": 0.1 },
          "grid": { "g": { "from": 0.2, "to": 3.4, "steps": 5 } },
          "analyses": { "lyapunov": { "exponents": 1, "transientTime": 20, "averagingTime": 200, "windows": 4 } },
          "refine": { "metric": "lyapunov_max", "level": 0, "depth": 3 }
        }
        """;

    public static string Write(string folder, string json, string file = "spec.json")
    {
        var path = Path.Combine(folder, file);
        File.WriteAllText(path, json);
        return path;
    }
}
