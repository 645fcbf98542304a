using System.Globalization;
using OrleansSweep.Sweeps.Refinement;
using OrleansSweep.Sweeps.Specs;
using OrleansSweep.Sweeps.Tests.Specs;

namespace OrleansSweep.Sweeps.Tests.Refinement;

/// <summary>
/// Drives a <see cref="RefinementPlan"/> the way a coordinator does — rounds of NextCells, every returned cell
/// "computed" by an analytic field with optional Gaussian noise of known SEM — and builds the specs it runs on.
/// </summary>
internal static class RefineHarness
{
    /// <summary>Safety bound on the rounds of one refinement (each round adds cells; depth ≤ 8 ends far sooner).</summary>
    public const int MaxRounds = 200;

    /// <summary>
    /// A gated-model spec over <paramref name="grid"/> (JSON of the grid object) refined by <paramref name="refine"/>
    /// (JSON of the refine object, or null for a plain sweep). One realisation by default: the harness' SEMs are the
    /// known size of the noise it adds, which the split rule takes as exact only then (<c>StudentSigmas</c>).
    /// </summary>
    public static ValidatedSweep Spec(string grid, string? refine, string analyses = """{ "lyapunov": {}, "theory": true }""", int realizations = 1)
    {
        var refineField = refine is null ? string.Empty : $""", "refine": {refine}""";
        var json = $$"""
            { "name": "refined", "model": "gated", "n": 20, "realizations": {{realizations}}, "seed": 7,
              "grid": {{grid}}, "analyses": {{analyses}}{{refineField}} }
            """;
        return SpecSamples.Parse(json);
    }

    /// <summary>A one-axis sweep over bZ ∈ [from, to] with <paramref name="steps"/> points.</summary>
    public static ValidatedSweep Line(double from, double to, int steps, int depth, string scale = "linear", string axis = "bZ", double sigmas = 2, int realizations = 1) =>
        Spec(
            $$"""{ "{{axis}}": { "from": {{N(from)}}, "to": {{N(to)}}, "steps": {{steps}}, "scale": "{{scale}}" } }""",
            $$"""{ "metric": "lyapunov_max", "level": 0, "depth": {{depth}}, "sigmas": {{N(sigmas)}} }""",
            realizations: realizations);

    /// <summary>A two-axis sweep over (bZ, bR) ∈ [from, to]² with <paramref name="steps"/> points per axis.</summary>
    public static ValidatedSweep Square(double from, double to, int steps, int depth, double sigmas = 2) =>
        Spec(
            $$"""{ "bZ": { "from": {{N(from)}}, "to": {{N(to)}}, "steps": {{steps}} }, "bR": { "from": {{N(from)}}, "to": {{N(to)}}, "steps": {{steps}} } }""",
            $$"""{ "metric": "lyapunov_max", "level": 0, "depth": {{depth}}, "sigmas": {{N(sigmas)}} }""");

    /// <summary>
    /// Runs the refinement to the end. <paramref name="field"/> maps a cell's refined-axis values (grid order) to
    /// (mean, SEM); a null mean is a failed cell. Returns every sample, in the order computed.
    /// </summary>
    public static List<RefineSample> Run(RefinementPlan plan, Func<RefinedCell, (double? Mean, double? Sem)> field)
    {
        var samples = new List<RefineSample>();
        for (var round = 0; round < MaxRounds; round++)
        {
            var next = plan.NextCells(samples);
            if (next.Count == 0)
            {
                return samples;
            }

            foreach (var cell in next)
            {
                var (mean, sem) = field(cell);
                samples.Add(new RefineSample(cell.Cell.Index, mean, sem));
            }
        }

        throw new InvalidOperationException($"The refinement did not end within {MaxRounds} rounds.");
    }

    /// <summary>A cell's values on the refined axes, in grid order.</summary>
    public static double[] Point(RefinementPlan plan, RefinedCell cell) => [.. plan.Axes.Select(a => cell.Cell.AxisValues[a])];

    /// <summary>
    /// A deterministic standard normal draw for a cell: a hash (SplitMix64) of its index and a salt, so the noise does
    /// not depend on the order cells are computed in, and draws for neighbouring indices or salts are independent
    /// (seeding System.Random with neighbouring seeds is not). Box–Muller.
    /// </summary>
    public static double Gaussian(int index, int salt)
    {
        var state = ((ulong)(uint)index << 32) | (uint)salt;
        var u1 = 1 - Uniform(ref state);
        var u2 = Uniform(ref state);
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014): a uniform double in [0, 1) from 53 bits.</summary>
    private static double Uniform(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
