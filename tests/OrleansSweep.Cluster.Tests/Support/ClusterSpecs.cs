using System.Globalization;

namespace OrleansSweep.Cluster.Tests.Support;

/// <summary>Specs for cluster runs: cells of a few hundred milliseconds, so a sweep is mid-way when a silo is killed.</summary>
internal static class ClusterSpecs
{
    public static string Write(string folder, string name, int cells, int n = 40, double averagingTime = 200)
    {
        var path = Path.Combine(folder, name + ".json");
        File.WriteAllText(path, $$"""
            {
              "name": "{{name}}", "model": "rate", "n": {{n}}, "realizations": 1, "seed": 11,
              "parameters": { "dt": 0.1 },
              "grid": { "g": { "from": 0.5, "to": 3.0, "steps": {{cells}} } },
              "analyses": {
                "lyapunov": { "exponents": {{n}}, "transientTime": 20, "averagingTime": {{averagingTime.ToString(CultureInfo.InvariantCulture)}}, "windows": 2 },
                "theory": {}
              }
            }
            """);
        return path;
    }
}
