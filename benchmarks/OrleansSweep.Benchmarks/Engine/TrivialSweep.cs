using System.Globalization;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Benchmarks.Engine;

/// <summary>
/// A sweep of trivial cells: the rate network N = 2, one Lyapunov exponent over 2 time units (1–4 steps of a 2×2
/// system), no theory, on a g × dt grid, so that the time per cell is the engine's, not the science's.
/// </summary>
internal static class TrivialSweep
{
    /// <summary>A validated spec of about <paramref name="cells"/> cells (a near-square grid; the exact count is returned by
/// CellCount). Cells are content-addressed: a cluster, whose storage outlives a sweep, needs a new seed per sweep.</summary>
    public static ValidatedSweep Of(int cells, string name, int seed = 1)
    {
        var gSteps = Math.Max(2, (int)Math.Ceiling(Math.Sqrt(cells)));
        var dtSteps = Math.Max(2, (int)Math.Round(cells / (double)gSteps));
        var json = string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "name": "{{name}}",
              "model": "rate",
              "n": 2,
              "seed": {{seed}},
              "parameters": { "integrator": "euler" },
              "grid": {
                "g": { "from": 0.5, "to": 1.5, "steps": {{gSteps}} },
                "dt": { "from": 0.5, "to": 1.0, "steps": {{dtSteps}} }
              },
              "analyses": {
                "lyapunov": { "exponents": 1, "transientTime": 0, "averagingTime": 2, "windows": 2, "orthonormalizationInterval": 1, "twinCheck": false }
              }
            }
            """);
        return SpecLoader.Parse(json, name + ".json");
    }
}
