using OrleansSweep.Contracts;
using OrleansSweep.Contracts.Grains;
using OrleansSweep.Grains.Client;
using OrleansSweep.Grains.Tests.Support;
using OrleansSweep.Sweeps.Refinement;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>A refined sweep on the 2-silo cluster: the rounds run to the end, counted once, and resume.</summary>
public sealed class RefinedSweepGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly SweepClient client = new(fixture.Client);

    [Fact]
    public async Task Runs_the_refinement_rounds_to_the_end_and_computes_exactly_the_cells_the_plan_names()
    {
        var sweep = GrainSpecs.Refined("refined", seed: 11);
        var computedBefore = fixture.CellsComputed;

        await client.StartAsync(sweep, failFast: false);
        var status = await Polling.UntilFinishedAsync(client, GrainSpecs.IdOf(sweep), Patience);
        var results = await client.ReadResultsAsync(status.SweepId, CancellationToken.None);

        Assert.Equal(SweepStates.Completed, status.State);
        Assert.Equal((results.Count, results.Count), (status.Total, status.Done));
        Assert.Equal(results.Count, fixture.CellsComputed - computedBefore);
        Assert.Equal(ReplayedCells(sweep, results), results.Select(r => r.CellIndex).Order());
        var plan = new RefinementPlan(sweep);
        Assert.Contains(results, r => plan.CellAt(r.CellIndex).Depth == 3); // the crossing was refined to the full depth, round after round
        Assert.All(results, r => Assert.Equal(plan.CellAt(r.CellIndex).Cell.CellId, r.CellId));
    }

    [Fact]
    public async Task A_sweep_grain_deactivated_mid_refinement_resumes_and_ends_with_the_same_cells()
    {
        var sweep = GrainSpecs.Refined("refined-resume", seed: 12, depth: 4);
        var id = GrainSpecs.IdOf(sweep);
        var computedBefore = fixture.CellsComputed;
        await client.StartAsync(sweep, failFast: false);
        await Polling.UntilAsync(() => client.StatusAsync(id).Result.Done >= 6, Patience, "the coarse round and a child done", () => client.StatusAsync(id).Result.ToString());

        await fixture.Cluster.DeactivateAsync(fixture.Client.GetGrain<ISweepGrain>(id));
        var status = await Polling.UntilFinishedAsync(client, id, Patience);
        var results = await client.ReadResultsAsync(id, CancellationToken.None);

        Assert.Equal(SweepStates.Completed, status.State);
        Assert.True(status.Resumed >= 6, $"the re-activated grain replayed its rounds from the stored cells: {status}");
        Assert.Equal(ReplayedCells(sweep, results), results.Select(r => r.CellIndex).Order());
        Assert.InRange(fixture.CellsComputed - computedBefore, results.Count, results.Count + 1); // at most a cell lost in flight
        Assert.Equal(results.Count, results.Select(r => r.CellIndex).Distinct().Count());
    }

    [Fact]
    public async Task A_completed_refined_sweep_re_activated_replays_every_round_even_past_its_depth()
    {
        var sweep = GrainSpecs.RefinedPlane("refined-plane", seed: 13);
        var id = GrainSpecs.IdOf(sweep);
        await client.StartAsync(sweep, failFast: false);
        var finished = await Polling.UntilFinishedAsync(client, id, Patience);
        var live = await client.ReadResultsAsync(id, CancellationToken.None);
        var rounds = RoundsOf(sweep, live);
        Assert.True(rounds > new RefinementPlan(sweep).Settings.Depth + 1, $"the spec must take more rounds than depth + 1 to test the replay ({rounds} rounds)");

        await fixture.Cluster.DeactivateAsync(fixture.Client.GetGrain<ISweepGrain>(id));
        var status = await client.StatusAsync(id);
        var readBack = await client.ReadResultsAsync(id, CancellationToken.None);

        Assert.Equal(SweepStates.Completed, finished.State);
        Assert.Equal((SweepStates.Completed, live.Count, live.Count), (status.State, status.Total, status.Done));
        Assert.Equal(live.Select(r => (r.CellIndex, r.CellId)).Order(), readBack.Select(r => (r.CellIndex, r.CellId)).Order());
    }

    private static IEnumerable<int> ReplayedCells(ValidatedSweep sweep, IReadOnlyList<CellAnalyzed> results) =>
        Replay(sweep, results).Cells;

    private static int RoundsOf(ValidatedSweep sweep, IReadOnlyList<CellAnalyzed> results) => Replay(sweep, results).Rounds;

    /// <summary>
    /// The cells an independent coordinator would compute from the same results, and in how many rounds: rounds of
    /// NextCells fed with the sweep's own results, each of which must exist. Order-free: the indices, sorted.
    /// </summary>
    private static (int Rounds, IEnumerable<int> Cells) Replay(ValidatedSweep sweep, IReadOnlyList<CellAnalyzed> results)
    {
        var plan = new RefinementPlan(sweep);
        var byIndex = results.ToDictionary(r => r.CellIndex);
        var samples = new List<RefineSample>();
        for (var round = 0; round < 50; round++)
        {
            var next = plan.NextCells(samples);
            if (next.Count == 0)
            {
                return (round, samples.Select(s => s.Index).Order());
            }

            samples.AddRange(next.Select(cell => plan.SampleOf(cell.Cell.Index, byIndex[cell.Cell.Index].Metrics)));
        }

        throw new InvalidOperationException("The replayed refinement did not end within 50 rounds.");
    }
}
