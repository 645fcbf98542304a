using OrleansSweep.Science.Theory;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Theory.SignalPropagation;
using Xunit.Abstractions;

namespace OrleansSweep.Science.Tests.Theory.SignalPropagation;

/// <summary>
/// A multistable minimalRNN mean field says so, and a saddle-node jump of χ across 1 is not reported as the critical
/// point (§B.7; σ_v² = R = 1, σ_b² = 0).
/// </summary>
/// <remarks>
/// At μ_b = 6 the gate is nearly closed at rest (u ≈ 1, long memory) and the Q map Q ↦ R⟨(1−u)²⟩/(1−⟨u²⟩) grows a
/// saddle-node pair as σ_w² rises: a second, active branch appears (between σ_w² = 30 and 35: two stable branches, Q* =
/// 0.0077 and 0.39 at 35), then the quiet branch reached from h = 0 ends (σ_w² = 54.2) and Q*, χ jump. The bracketing scan of χ − 1 then converges onto the jump.
/// </remarks>
public class MeanFieldBranchesTests(ITestOutputHelper output)
{
    [Fact]
    public void Single_branch_map_reports_one_branch()
    {
        var result = MinimalMeanField.Solve(new CpsParameters(14.23, SigmaV2: 1, R: 1, MuB: 2));
        Assert.Equal(1, result.StableBranches);
        var points = MinimalMeanField.FixedPoints(new CpsParameters(14.23, SigmaV2: 1, R: 1, MuB: 2));
        var point = Assert.Single(points);
        Assert.True(point.Stable);
        Assert.Equal(result.StateSecondMoment!.Value, point.Q, 1e-9);
    }

    [Fact]
    public void Multistable_map_counts_its_branches_and_reports_the_smallest()
    {
        var found = false;
        foreach (var w2 in new[] { 20.0, 35.0, 40.0, 50.0, 60.0, 80.0 })
        {
            var p = new CpsParameters(w2, SigmaV2: 1, R: 1, MuB: 6);
            var points = MinimalMeanField.FixedPoints(p);
            var result = MinimalMeanField.Solve(p);
            output.WriteLine($"σ_w² = {w2}: fixed points {string.Join(", ", points.Select(f => $"{f.Q:G4}{(f.Stable ? " (stable)" : "")}"))}; Q* = {result.StateSecondMoment:G4}, χ = {result.Chi:G4}, branches {result.StableBranches}");
            Assert.Equal(points.Count(f => f.Stable), result.StableBranches);
            // Stable and unstable points alternate (D = Q − H rises through stable ones, falls through unstable ones).
            for (var i = 1; i < points.Count; i++)
            {
                Assert.NotEqual(points[i - 1].Stable, points[i].Stable);
            }

            // Every point is a fixed point of the map, and the reported one is the smallest stable one.
            Assert.All(points, f => Assert.Equal(f.Q, MinimalMeanField.StationarySecondMoment(f.Q, p), 1e-8));
            Assert.Equal(points.First(f => f.Stable).Q, result.StateSecondMoment!.Value, 1e-8);
            found |= result.StableBranches > 1;
        }

        Assert.True(found, "no σ_w² with two stable branches at μ_b = 6");
    }

    [Fact]
    public void Saddle_node_jump_is_not_reported_as_a_chi_equals_one_crossing()
    {
        var critical = CriticalLine.MinimalSigmaW2(muB: 6);
        output.WriteLine($"μ_b = 6: {critical.Outcome}, σ_w²_c = {critical.Value}, jump at {critical.JumpAt}");
        Assert.Equal(AnalysisStatus.NotApplicable, critical.Outcome.Status);
        Assert.True(double.IsNaN(critical.Value));
        Assert.Contains("saddle-node", critical.Outcome.Reason, StringComparison.Ordinal);
        // Across the jump χ is discontinuous: below 1 just before, far above 1 just after (measured: jump at σ_w² = 54.23,
        // χ 0.9967 → 1.381; the quiet branch Q* ≈ 0.012 merges with the unstable one and the map falls onto Q* ≈ 0.6).
        var before = MinimalMeanField.Solve(new CpsParameters(critical.JumpAt * 0.999, SigmaV2: 1, R: 1, MuB: 6)).Chi;
        var after = MinimalMeanField.Solve(new CpsParameters(critical.JumpAt * 1.001, SigmaV2: 1, R: 1, MuB: 6)).Chi;
        output.WriteLine($"χ = {before} before, {after} after");
        Assert.True(before < 1 && after > 1.1, $"χ {before} → {after}");

        // A genuine crossing (μ_b = 2, §D case 20) is still reported as one.
        var crossing = CriticalLine.MinimalSigmaW2(muB: 2);
        Assert.Equal(AnalysisStatus.Converged, crossing.Outcome.Status);
        Assert.Equal(14.23, crossing.Value, 0.01 * 14.23);
        Assert.True(double.IsNaN(crossing.JumpAt));
    }

    [Fact]
    public void Theory_columns_carry_the_branch_count_and_the_jump()
    {
        var values = TheoryPredictions.For(ModelFamily.Minimal, ModelCatalog.Resolve(ModelFamily.Minimal, new Dictionary<string, double> { ["sigmaW2"] = 30, ["muB"] = 6 }), default);
        Assert.Equal(AnalysisStatus.NotApplicable, values["critical_sigma_w2"].Outcome.Status);
        Assert.Null(values["critical_sigma_w2"].Value);
        Assert.NotNull(values["saddle_node_sigma_w2"].Value);
        Assert.NotNull(values["stable_branches"].Value);
        Assert.Equal(1.0, values["assumes_untied_weights"].Value);
        Assert.Equal(1.0, values["assumption_unmet"].Value); // tied by default
    }
}
