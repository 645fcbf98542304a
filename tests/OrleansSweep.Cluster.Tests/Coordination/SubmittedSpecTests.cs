using OrleansSweep.Cluster.Tests.Support;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Cluster.Tests.Coordination;

/// <summary>
/// The client submits a spec's canonical JSON and the id it derives; the coordinator (and a restarted one, from its
/// store) re-plans that JSON and must arrive at the same sweep and the same cells.
/// </summary>
public sealed class SubmittedSpecTests
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string> { TestSpecs.TwentyFourCells, TestSpecs.FourLongCells };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "examples"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(File.ReadAllText(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void The_canonical_spec_replans_to_the_same_sweep_and_cells(string json)
    {
        var submitted = TestSpecs.Parse(json);
        var replanned = SpecLoader.Parse(submitted.CanonicalJson, "submitted spec", new MachineProfile(1, long.MaxValue / 4));

        Assert.Equal(submitted.Fingerprint, replanned.Fingerprint);
        var original = SweepPlanner.Plan(submitted, "a");
        var again = SweepPlanner.Plan(replanned, "b");
        Assert.Equal(original.SweepId, again.SweepId);
        Assert.Equal(original.Cells.Select(c => c.Command.CellId), again.Cells.Select(c => c.Command.CellId));
    }
}
