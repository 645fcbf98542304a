using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Sweeps.Tests.Coordination;

public class ActiveSweepTests
{
    [Fact]
    public void A_cell_counted_at_resume_is_not_counted_again_when_its_batch_is_accounted_afterwards()
    {
        // The writer commits cell-0001, the resume reads the store (cell-0000 and cell-0001 done) and activates the sweep,
        // then the writer accounts for its committed batch: the sweep must not look complete with cell-0002 missing.
        var plan = FakeCells.Plan(3, Path.GetTempPath());
        var sweep = new ActiveSweep(plan, false, new HashSet<string> { "cell-0000", "cell-0001" }, 0);
        sweep.Add([FakeCells.Result(plan.Cells[1].Command)]);
        Assert.Equal(2, sweep.Snapshot().Done);
        Assert.False(sweep.Snapshot().IsComplete);

        sweep.Add([FakeCells.Result(plan.Cells[2].Command, "failed"), FakeCells.Result(plan.Cells[2].Command, "failed")]);
        Assert.Equal(3, sweep.Snapshot().Done);
        Assert.Equal(1, sweep.Snapshot().Failed);
        Assert.True(sweep.Snapshot().IsComplete);
    }
}
