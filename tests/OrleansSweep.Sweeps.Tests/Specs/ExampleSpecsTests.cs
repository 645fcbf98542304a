using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Tests.Specs;

public class ExampleSpecsTests
{
    public static TheoryData<string> Examples() => [.. ExampleNames()];

    private static List<string> ExampleNames() =>
    [
        .. Directory.EnumerateFiles(RepositoryFiles.PathOf("examples"), "*.json")
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void The_repository_ships_the_example_specs()
    {
        var names = ExampleNames();
        Assert.Contains("gated-chaos.json", names);
        Assert.Contains("gru-slow-modes.json", names);
        Assert.Contains(names, n => n.StartsWith("vanilla-vs-minimal-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_parses_without_errors(string fileName)
    {
        var sweep = SpecLoader.Load(RepositoryFiles.PathOf("examples", fileName), SpecSamples.Laptop);
        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), sweep.Spec.Name);
        Assert.False(string.IsNullOrWhiteSpace(sweep.Spec.Description));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_is_laptop_sized(string fileName)
    {
        // The examples must run in minutes on two cores: a few dozen cells of small networks.
        var sweep = SpecLoader.Load(RepositoryFiles.PathOf("examples", fileName), SpecSamples.Laptop);
        Assert.InRange(sweep.CellCount, 4, 64);
        Assert.InRange(sweep.Spec.LargestN, 1, 200);
        Assert.InRange(sweep.Spec.Realizations, 1, 2);
        Assert.True(sweep.Memory.TotalBytes < 64L << 20, $"{fileName}: {sweep.Memory.TotalBytes} bytes");
    }
}
