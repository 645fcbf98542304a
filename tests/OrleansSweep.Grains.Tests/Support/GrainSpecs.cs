using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Grains.Tests.Support;

/// <summary>Small rate-network specs: cheap cells (milliseconds) and slow ones (to cancel while running).</summary>
internal static class GrainSpecs
{
    /// <summary>Cheap cells: N = 8, a short Lyapunov run, one realisation, over <paramref name="values"/> of g.</summary>
    public static ValidatedSweep Cheap(string name, params double[] values) => SpecLoader.Parse($$"""
        {
          "name": "{{name}}", "model": "rate", "n": 8, "realizations": 1, "seed": 3,
          "parameters": { "dt": 0.1 },
          "grid": { "g": { "values": [{{string.Join(", ", values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))}}] } },
          "analyses": { "lyapunov": { "exponents": 2, "transientTime": 5, "averagingTime": 10, "windows": 2 } }
        }
        """, name);

    public static ValidatedSweep Cheap(string name, int cells) =>
        Cheap(name, [.. Enumerable.Range(0, cells).Select(i => 0.5 + (0.05 * i))]);

    /// <summary>Slow cells: N = 300 with a long full-spectrum Lyapunov run (many seconds each on one core).</summary>
    public static ValidatedSweep Slow(string name, int cells) => SpecLoader.Parse($$"""
        {
          "name": "{{name}}", "model": "rate", "n": 300, "realizations": 1, "seed": 3,
          "parameters": { "dt": 0.05 },
          "grid": { "g": { "from": 1.5, "to": 3.0, "steps": {{cells}} } },
          "analyses": { "lyapunov": { "exponents": 300, "transientTime": 2000, "averagingTime": 20000, "windows": 2 } }
        }
        """, name);

    /// <summary>
    /// Cheap cells refined along g around the rate model's chaos onset (λ_max = 0 near g = 1): 4 coarse cells, depth
    /// <paramref name="depth"/>. Cell ids are content-addressed, so a different <paramref name="seed"/> keeps two tests
    /// from sharing stored cells.
    /// </summary>
    public static ValidatedSweep Refined(string name, ulong seed, int depth = 3) => SpecLoader.Parse($$"""
        {
          "name": "{{name}}", "model": "rate", "n": 60, "realizations": 1, "seed": {{seed}},
          "parameters": { "dt": 0.1 },
          "grid": { "g": { "from": 0.2, "to": 3.2, "steps": 4 } },
          "analyses": { "lyapunov": { "exponents": 1, "transientTime": 20, "averagingTime": 200, "windows": 4 } },
          "refine": { "metric": "lyapunov_max", "level": 0, "depth": {{depth}} }
        }
        """, name);

    /// <summary>
    /// The gated RNN's λ_max = 0 edge over (g_h, α_r), refined in 2-D: it takes more rounds than depth + 1, since shallow
    /// cells split again once their neighbours are refined.
    /// </summary>
    public static ValidatedSweep RefinedPlane(string name, ulong seed, int depth = 2) => SpecLoader.Parse($$"""
        {
          "name": "{{name}}", "model": "gated", "n": 20, "realizations": 1, "seed": {{seed}},
          "parameters": { "alphaZ": 0, "bZ": 0, "bR": 0, "dt": 0.1, "integrator": "euler", "tauR": 0 },
          "grid": { "gH": { "from": 0.5, "to": 6, "steps": 5 }, "alphaR": { "from": 0, "to": 20, "steps": 3 } },
          "analyses": { "lyapunov": { "exponents": 1, "transientTime": 10, "averagingTime": 60, "windows": 4, "twinCheck": false } },
          "refine": { "metric": "lyapunov_max", "level": 0, "depth": {{depth}} }
        }
        """, name);

    public static Guid IdOf(ValidatedSweep sweep) => SweepPlanner.SweepIdOf(sweep.Fingerprint);
}
