using System.Text.Json;
using OrleansSweep.Sweeps.Specs;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Specs;

public sealed class SweepMarkerTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"orleanssweep-marker-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Lives_at_dot_orleanssweep_spec_json() =>
        Assert.Equal(Path.Combine(folder, ".orleanssweep", "spec.json"), SweepMarker.PathIn(folder));

    [Fact]
    public void Round_trips_through_its_file()
    {
        var marker = SweepMarker.For(Parse(Gated));
        marker.Write(folder);
        var read = SweepMarker.Read(folder);
        Assert.NotNull(read);
        Assert.Equal(marker.Fingerprint, read.Fingerprint);
        Assert.Equal(marker.Fingerprint, Parse(read.SpecJson).Fingerprint);
        Assert.False(File.Exists(SweepMarker.PathIn(folder) + ".tmp"));
    }

    [Fact]
    public void Holds_the_format_the_fingerprint_and_the_canonical_spec()
    {
        var sweep = Parse(Gated);
        using var document = JsonDocument.Parse(SweepMarker.For(sweep).Render());
        var root = document.RootElement;
        Assert.Equal(SweepMarker.Format, root.GetProperty("format").GetString());
        Assert.Equal(sweep.Fingerprint, root.GetProperty("fingerprint").GetString());
        Assert.Equal("gated", root.GetProperty("spec").GetProperty("model").GetString());
    }

    [Fact]
    public void Is_absent_from_a_fresh_folder() => Assert.Null(SweepMarker.Read(folder));

    [Theory]
    [InlineData("[]")]
    [InlineData("""{ "format": "other/v9", "fingerprint": "abc", "spec": {} }""")]
    [InlineData("""{ "format": "orleanssweep-marker/v1", "spec": {} }""")]
    public void Rejects_text_that_is_not_a_marker(string json) =>
        Assert.Throws<InvalidDataException>(() => SweepMarker.Parse(json));
}
