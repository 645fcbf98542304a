using OrleansSweep.Sweeps.Refinement;

namespace OrleansSweep.Sweeps.Tests.Refinement;

public sealed class StudentSigmasTests
{
    /// <summary>Φ(2), the Gaussian probability below two standard deviations (tables: 0.977249868).</summary>
    private const double BelowTwoSigmas = 0.9772498680518208;

    [Fact]
    public void Two_realisations_use_the_Cauchy_quantile()
    {
        // One degree of freedom: Student's t is the Cauchy distribution, whose quantile is tan(π(p − ½)).
        Assert.Equal(Math.Tan(Math.PI * (BelowTwoSigmas - 0.5)), StudentSigmas.For(2, realizations: 2), 9);
        Assert.Equal(13.97, StudentSigmas.For(2, realizations: 2), 2);
    }

    [Fact]
    public void Three_realisations_use_the_closed_form_for_two_degrees_of_freedom()
    {
        // ν = 2: t_p = (2p − 1) / √(2p(1 − p)).
        var p = BelowTwoSigmas;
        Assert.Equal((2 * p - 1) / Math.Sqrt(2 * p * (1 - p)), StudentSigmas.For(2, realizations: 3), 9);
    }

    [Fact]
    public void Tends_to_the_Gaussian_k_and_leaves_one_realisation_alone()
    {
        Assert.Equal(2, StudentSigmas.For(2, realizations: 1));
        Assert.InRange(StudentSigmas.For(2, realizations: 4), 3.30, 3.32); // tables: t(0.97725; 3) = 3.307
        Assert.InRange(StudentSigmas.For(2, realizations: 100_000), 2, 2.0001);
        Assert.Equal(0, StudentSigmas.For(0, realizations: 4), 12);
    }

    [Theory]
    [InlineData(1, true)]  // the SEM is the known noise: 2.5 SEM clears k = 2
    [InlineData(4, false)] // estimated from 4 realisations: 2.5 SEM is within t(3) = 3.31
    [InlineData(50, true)] // 49 degrees of freedom: k = 2.05
    public void A_crossing_splits_only_when_it_clears_the_quantile_for_the_realisations_behind_its_SEMs(int realizations, bool splits)
    {
        var plan = new RefinementPlan(RefineHarness.Line(0, 3.5, 8, depth: 2, realizations: realizations));

        // The coarse grid bZ = 0, 0.5, …, 3.5 with means ∓0.1 either side of 1.75, each 2.5 SEM from the level:
        // only the pair (1.5, 2) straddles it.
        var coarse = plan.NextCells([])
            .Select(c => new RefineSample(c.Cell.Index, c.Cell.AxisValues["bZ"] < 1.75 ? -0.1 : 0.1, 0.04))
            .ToList();
        Assert.Equal(8, coarse.Count);
        Assert.Equal(splits, plan.NextCells(coarse).Count > 0);
        Assert.Equal(splits, plan.Boundary(coarse).Single().Significant);
    }
}
