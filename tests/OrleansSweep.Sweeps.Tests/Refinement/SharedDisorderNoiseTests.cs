using OrleansSweep.Sweeps.Refinement;
using OrleansSweep.Sweeps.Specs;
using OrleansSweep.Sweeps.Tests.Specs;
using static OrleansSweep.Sweeps.Tests.Refinement.RefineHarness;

namespace OrleansSweep.Sweeps.Tests.Refinement;

/// <summary>
/// With shared disorder the split rule weighs λ_max by its finite-time error, window spread / √(windows · realisations),
/// since the draw's error is common to neighbouring cells; otherwise by the SEM, as always.
/// </summary>
public sealed class SharedDisorderNoiseTests
{
    private const int Windows = 6;
    private const int Realizations = 4;

    private static ValidatedSweep Line(string disorder, string metric = "lyapunov_max")
    {
        var spec = Spec(
            """{ "bZ": { "from": -1, "to": 1, "steps": 3 } }""",
            $$"""{ "metric": "{{metric}}", "level": 0, "depth": 2 }""",
            analyses: $$"""{ "lyapunov": { "windows": {{Windows}} }, "theory": true }""",
            realizations: Realizations);
        return SpecSamples.Parse(spec.CanonicalJson.Replace("\"seed\":", $"\"disorder\": \"{disorder}\", \"seed\":", StringComparison.Ordinal));
    }

    private static Dictionary<string, double?> Metrics(double mean, double sem, double spread) => new()
    {
        ["lyapunov_max"] = mean,
        ["lyapunov_max_sem"] = sem,
        ["lyapunov_max_window_spread"] = spread,
    };

    [Fact]
    public void Shared_disorder_takes_the_finite_time_part_and_per_cell_the_SEM()
    {
        var metrics = Metrics(0.1, sem: 0.015, spread: 0.024);

        Assert.Equal(Disorder.Shared, Line("shared").Spec.Disorder);
        Assert.Equal(0.024 / Math.Sqrt(Windows * Realizations), new RefinementPlan(Line("shared")).SampleOf(0, metrics).Sem!.Value, 15);
        Assert.Equal(0.015, new RefinementPlan(Line("per-cell")).SampleOf(0, metrics).Sem);
    }

    [Fact]
    public void Other_metrics_or_no_spread_keep_the_SEM()
    {
        var noSpread = new Dictionary<string, double?> { ["lyapunov_max"] = 0.1, ["lyapunov_max_sem"] = 0.015 };

        Assert.Equal(0.015, new RefinementPlan(Line("shared")).SampleOf(0, noSpread).Sem);
        Assert.Null(new RefinementPlan(Line("shared", metric: "kaplan_yorke_dimension")).TimeNoiseDegreesOfFreedom);
    }

    [Fact]
    public void K_is_read_off_Student_s_t_with_the_windows_degrees_of_freedom()
    {
        var shared = new RefinementPlan(Line("shared"));

        Assert.Equal(Realizations * (Windows - 1), shared.TimeNoiseDegreesOfFreedom);
        Assert.Equal(StudentSigmas.ForDegreesOfFreedom(2, 20), shared.SplitSigmas);
        // Cornish–Fisher: t ≈ z + (z³ + z)/4ν + (5z⁵ + 16z³ + 3z)/96ν² = 2 + 0.125 + 0.0077 = 2.133 for z = 2, ν = 20.
        Assert.InRange(shared.SplitSigmas, 2.13, 2.14);
        Assert.Equal(StudentSigmas.For(2, Realizations), new RefinementPlan(Line("per-cell")).SplitSigmas);
    }

    [Fact]
    public void A_crossing_within_the_SEMs_but_resolved_by_the_time_errors_splits_only_with_shared_disorder()
    {
        // Means ±0.02 about the level: a difference of 0.04 is 1.9 SEM-widths (√2 · 0.015) — no split per cell — and
        // 8.2 time-error widths (√2 · 0.024 / √24 = 0.0049) — a split with shared disorder.
        bool Splits(string disorder)
        {
            var plan = new RefinementPlan(Line(disorder));
            var coarse = plan.NextCells([]);
            var samples = coarse.Select(c => plan.SampleOf(c.Cell.Index, Metrics(c.Cell.AxisValues["bZ"] * 0.02, sem: 0.015, spread: 0.024)));
            return plan.NextCells(samples.ToList()).Count > 0;
        }

        Assert.False(Splits("per-cell"));
        Assert.True(Splits("shared"));
    }
}
