using System.Globalization;
using System.Text.Json.Nodes;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Benchmarks.Engine;

/// <summary>
/// The sweeps of the broker probe. A cluster coordinator identifies a sweep by its spec's fingerprint and resumes a
/// resubmitted one (nothing left to compute), so every timed sweep gets its own seed: same cells, same cost, new sweep.
/// </summary>
internal static class BrokerSpecs
{
    /// <summary>The trivial cells of <see cref="TrivialSweep"/> (rate N = 2, 1–4 steps), under <paramref name="seed"/>.</summary>
    public static ValidatedSweep Trivial(int cells, int seed, string name) => Reseed(TrivialSweep.Of(cells, name), seed, name);

    /// <summary>
    /// The real cell of <see cref="SweepThroughput"/>: Lyapunov full spectrum of <c>rate</c> (k = N, Euler dt = 0.1,
    /// t_ONS = 1, no twin) over a g axis; <paramref name="averagingTime"/> 200 is its 2,000 steps (≈ 0.35 s per
    /// realisation at N = 128 on one core with OpenBLAS), a short one JIT-warms the silos.
    /// </summary>
    public static ValidatedSweep Lyapunov(int cells, int n, int realizations, double averagingTime, int seed, string name)
    {
        var json = string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "name": "{{name}}",
              "model": "rate",
              "n": {{n}},
              "realizations": {{realizations}},
              "seed": {{seed}},
              "parameters": { "dt": 0.1, "integrator": "euler" },
              "grid": { "g": { "from": 1.5, "to": 3.0, "steps": {{cells}} } },
              "analyses": {
                "lyapunov": { "exponents": {{n}}, "transientTime": 0, "averagingTime": {{averagingTime}}, "windows": 10, "orthonormalizationInterval": 1, "twinCheck": false }
              }
            }
            """);
        return SpecLoader.Parse(json, name + ".json");
    }

    private static ValidatedSweep Reseed(ValidatedSweep sweep, int seed, string name)
    {
        var spec = JsonNode.Parse(sweep.CanonicalJson)!.AsObject();
        spec["seed"] = seed;
        spec["name"] = name;
        return SpecLoader.Parse(spec.ToJsonString(), name + ".json");
    }
}
