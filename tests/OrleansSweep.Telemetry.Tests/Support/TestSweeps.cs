using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Telemetry.Tests.Support;

/// <summary>Small sweeps (well under a second of science each) with every analysis on.</summary>
internal static class TestSweeps
{
    private static readonly MachineProfile Laptop = new(ProcessorCount: 2, TotalMemoryBytes: 16L << 30);

    /// <summary>A rate-model sweep over g: <paramref name="cells"/> cells × <paramref name="realizations"/> realisations.</summary>
    public static string RateJson(int cells, int realizations, string name = "telemetry") => $$"""
        {
          "name": "{{name}}",
          "model": "rate",
          "n": 12,
          "realizations": {{realizations}},
          "seed": 11,
          "parameters": { "dt": 0.1 },
          "grid": { "g": { "from": 0.5, "to": 2.5, "steps": {{cells}} } },
          "analyses": {
            "lyapunov": { "exponents": 3, "transientTime": 10, "averagingTime": 20, "windows": 4 },
            "spectrum": { "samples": 2, "sampleInterval": 2, "transientTime": 5 },
            "fixedPoints": { "starts": 6 },
            "theory": {}
          }
        }
        """;

    public static ValidatedSweep Rate(int cells, int realizations) => SpecLoader.Parse(RateJson(cells, realizations), "telemetry.json", Laptop);

    public static SweepPlan Plan(int cells, int realizations, string folder) => SweepPlanner.Plan(Rate(cells, realizations), folder);
}
