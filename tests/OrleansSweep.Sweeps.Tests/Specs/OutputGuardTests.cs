using OrleansSweep.Sweeps.Specs;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Specs;

public sealed class OutputGuardTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"orleanssweep-guard-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_or_unmarked_folder_is_new()
    {
        Assert.Equal(OutputFolderState.New, OutputGuard.Check(folder, "abc"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a sweep");
        Assert.Equal(OutputFolderState.New, OutputGuard.Check(folder, "abc"));
    }

    [Fact]
    public void The_same_sweep_resumes()
    {
        var sweep = Parse(Gated);
        SweepMarker.For(sweep).Write(folder);
        Assert.Equal(OutputFolderState.Resume, OutputGuard.Check(folder, sweep.Fingerprint));

        // Renaming or moving a sweep keeps its fingerprint.
        Assert.Equal(OutputFolderState.Resume, OutputGuard.Check(folder, Parse(With("name", "\"renamed\"")).Fingerprint));
    }

    [Fact]
    public void A_different_sweep_is_refused_naming_output_and_the_fix()
    {
        SweepMarker.For(Parse(Gated)).Write(folder);
        var other = Parse(With("seed", "99"));
        var exception = Assert.Throws<SpecValidationException>(() => OutputGuard.Check(folder, other.Fingerprint));
        var error = Assert.Single(exception.Errors);
        Assert.Equal("output", error.Field);
        Assert.Contains("different sweep", error.Message);
        Assert.Contains(other.Fingerprint, error.Message);
        Assert.Contains("--out", error.Fix);
        Assert.Contains("delete the folder", error.Fix);
    }

    [Fact]
    public void An_unreadable_marker_is_refused()
    {
        var path = SweepMarker.PathIn(folder);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{ not json");
        var exception = Assert.Throws<SpecValidationException>(() => OutputGuard.Check(folder, "abc"));
        Assert.Equal("output", Assert.Single(exception.Errors).Field);
    }
}
