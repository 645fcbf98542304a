using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Specs;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Specs;

public class MemoryModelTests
{
    private static readonly AnalysisSettings LyapunovOnly = new(Lyapunov: new LyapunovSettings { Exponents = 5 });
    private static readonly AnalysisSettings WithSpectrum = LyapunovOnly with { Spectrum = new SpectrumSettings() };

    [Theory]
    [InlineData(ModelFamily.Vanilla, 2)]
    [InlineData(ModelFamily.Rate, 1)]
    [InlineData(ModelFamily.Gru, 3)]
    [InlineData(ModelFamily.Lstm, 4)]
    [InlineData(ModelFamily.Gated, 3)]
    public void Is_dominated_by_the_weights_without_dense_analyses(ModelFamily family, int matrices)
    {
        const int N = 10_000;
        var bytes = MemoryModel.PeakBytesPerCell(family, N, LyapunovOnly);
        var weights = 8.0 * matrices * N * N;
        Assert.InRange(bytes / weights, 1.0, 1.01);
    }

    [Theory]
    [InlineData(ModelFamily.Gated, 3)]
    [InlineData(ModelFamily.Lstm, 2)]
    [InlineData(ModelFamily.Gru, 1)]
    public void Dense_spectra_add_four_d_squared_doubles(ModelFamily family, int unitsPerState)
    {
        const int N = 2000;
        var d = (double)unitsPerState * N;
        var extra = MemoryModel.PeakBytesPerCell(family, N, WithSpectrum) - MemoryModel.PeakBytesPerCell(family, N, LyapunovOnly);
        Assert.InRange(extra / (8 * 4 * d * d), 0.99, 1.01);
    }

    [Fact]
    public void Grows_with_n_and_never_overflows()
    {
        var previous = 0L;
        foreach (var n in new[] { 10, 100, 1000, 10_000, 100_000, SweepSpec.MaxN })
        {
            var bytes = MemoryModel.PeakBytesPerCell(ModelFamily.Gated, n, WithSpectrum);
            Assert.True(bytes > previous, $"n = {n}: {bytes} ≤ {previous}");
            previous = bytes;
        }
    }

    [Fact]
    public void Runs_one_cell_per_core_but_never_more_cells_than_exist()
    {
        Assert.Equal(8, MemoryModel.Estimate(ModelFamily.Gru, 10, LyapunovOnly, 100, 8, long.MaxValue).ConcurrentCells);
        Assert.Equal(3, MemoryModel.Estimate(ModelFamily.Gru, 10, LyapunovOnly, 3, 8, long.MaxValue).ConcurrentCells);
    }

    [Fact]
    public void Refuses_a_gated_sweep_at_n_100000_on_this_machine()
    {
        var json = With("n", "100000", With("analyses.lyapunov.exponents", "1"));
        var exception = Assert.Throws<SpecValidationException>(() => SpecLoader.Parse(json, "big.json"));
        var error = Assert.Single(exception.Errors);
        Assert.Equal("n", error.Field);
        Assert.Contains("too large for memory", error.Message);
        Assert.Contains("75 % of this machine's memory", error.Message);
        Assert.Contains("smaller n", error.Fix);
        Assert.Contains("memoryLimitGb", error.Fix);
    }

    [Fact]
    public void Honours_an_explicit_memory_limit()
    {
        // gated n = 2000 with spectra: D = 6000, about 1.2 GiB per cell, two cells at once.
        var json = With("n", "2000", With("analyses.spectrum", "{}"));
        var error = SingleError(With("memoryLimitGb", "1", json), "n");
        Assert.Contains("memoryLimitGb", error.Message);
        Assert.Contains("drop spectrum/fixedPoints", error.Fix);

        var sweep = Parse(With("memoryLimitGb", "8", json));
        Assert.True(sweep.Memory.Fits);
        Assert.Equal(2, sweep.Memory.ConcurrentCells);
        Assert.Equal(8L << 30, sweep.Memory.LimitBytes);
    }

    [Fact]
    public void Names_the_n_axis_when_n_is_swept()
    {
        var json = With("grid.n", """{ "values": [10, 200000] }""", With("n", null, With("analyses.lyapunov.exponents", "1")));
        SingleError(json, "grid.n");
    }

    [Fact]
    public void Defaults_the_limit_to_three_quarters_of_the_machine() =>
        Assert.Equal(12L << 30, Parse(Gated).Memory.LimitBytes);
}
