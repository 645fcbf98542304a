using OrleansSweep.Sweeps.Storage;
using OrleansSweep.Sweeps.Tests.Coordination;

namespace OrleansSweep.Sweeps.Tests.Storage;

public sealed class SweepStoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sweepstore-").FullName;

    [Fact]
    public void Duplicates_are_dropped_by_cell_id()
    {
        using var store = SweepStore.Open(Path.Combine(folder, "results.db"));
        var plan = FakeCells.Plan(3, folder);
        store.EnsureSweep(plan.SweepId, plan.Fingerprint, plan.SpecJson, 3);
        var first = FakeCells.Result(plan.Cells[0].Command);

        Assert.Single(store.Record([first, first]));
        Assert.Empty(store.Record([first with { Worker = "another" }]));
        Assert.Single(store.Results(plan.SweepId));
    }

    [Fact]
    public void Results_survive_reopening_with_their_exact_values()
    {
        var path = Path.Combine(folder, "results.db");
        var plan = FakeCells.Plan(2, folder);
        var written = plan.Cells.Select(c => FakeCells.Result(c.Command, value: Math.PI / 7)).ToList();
        using (var store = SweepStore.Open(path))
        {
            store.EnsureSweep(plan.SweepId, plan.Fingerprint, plan.SpecJson, 2);
            store.Record(written);
        }

        using var reopened = SweepStore.Open(path);
        var read = reopened.Results(plan.SweepId);
        Assert.Equal(2, read.Count);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(written[i].Metrics["lyapunov_max"], read[i].Metrics["lyapunov_max"]); // bit-exact round trip
            Assert.Equal(double.PositiveInfinity, read[i].Metrics["theory_xi"]);
            Assert.True(double.IsNaN(read[i].Metrics["nan"]!.Value));
            Assert.Null(read[i].Metrics["missing"]);
            Assert.Equal([0.1, -0.2], read[i].Series["lyapunov_spectrum"]);
        }

        Assert.Equal(["cell-0000", "cell-0001"], reopened.CompletedCellIds(plan.SweepId).Order());
    }

    [Fact]
    public void A_failed_batch_stores_nothing_and_the_next_batch_is_stored()
    {
        using var store = SweepStore.Open(Path.Combine(folder, "results.db"));
        var plan = FakeCells.Plan(3, folder);
        store.EnsureSweep(plan.SweepId, plan.Fingerprint, plan.SpecJson, 3);
        var good = FakeCells.Result(plan.Cells[0].Command);
        var broken = FakeCells.Result(plan.Cells[1].Command) with { Worker = null! }; // refused when bound

        // The first row is inserted before the second fails: one transaction, so neither stays.
        Assert.Throws<InvalidOperationException>(() => store.Record([good, broken]));
        Assert.Empty(store.Results(plan.SweepId));

        // The insert statement is kept across batches: it must still work after a rolled-back one.
        Assert.Equal(2, store.Record([good, FakeCells.Result(plan.Cells[2].Command)]).Count);
        Assert.Equal(["cell-0000", "cell-0002"], store.Results(plan.SweepId).Select(r => r.CellId));
    }

    [Fact]
    public void A_sweep_id_cannot_be_reused_for_another_spec()
    {
        using var store = SweepStore.Open(Path.Combine(folder, "results.db"));
        var id = Guid.NewGuid();
        store.EnsureSweep(id, "fp-a", "{}", 1);
        store.EnsureSweep(id, "fp-a", "{}", 1);
        Assert.Throws<InvalidOperationException>(() => store.EnsureSweep(id, "fp-b", "{}", 1));
    }

    [Fact]
    public void Status_counts_group_the_recorded_cells()
    {
        using var store = SweepStore.Open(Path.Combine(folder, "results.db"));
        var plan = FakeCells.Plan(3, folder);
        store.EnsureSweep(plan.SweepId, plan.Fingerprint, plan.SpecJson, 3);
        store.Record([FakeCells.Result(plan.Cells[0].Command), FakeCells.Result(plan.Cells[1].Command, "failed"), FakeCells.Result(plan.Cells[2].Command, "failed")]);
        var counts = store.CountByStatus(plan.SweepId);
        Assert.Equal(1, counts["ok"]);
        Assert.Equal(2, counts["failed"]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
