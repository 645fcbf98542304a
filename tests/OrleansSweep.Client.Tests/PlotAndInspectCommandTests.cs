using System.Xml.Linq;
using OrleansSweep.Client.Tests.Support;

namespace OrleansSweep.Client.Tests;

public sealed class PlotAndInspectCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly string folder = Directory.CreateTempSubdirectory("plot-").FullName;

    private string PhaseMap => Path.Combine(folder, "out", "phase_map.parquet");

    public async Task InitializeAsync()
    {
        // Two axes so the heat map has a real grid: g (3) × n (2).
        var spec = TestSpecs.Write(folder, """
            {
              "name": "plot-e2e", "model": "rate", "realizations": 1, "seed": 2, "parameters": { "dt": 0.1 },
              "grid": { "g": { "values": [0.5, 1.5, 3.0] }, "n": { "values": [8, 16] } },
              "analyses": { "lyapunov": { "exponents": 2, "transientTime": 10, "averagingTime": 20, "windows": 2 }, "theory": {} }
            }
            """);
        var (exitCode, output, error) = await SweepProcess.RunAsync(folder, Patience, "run", spec, "--out", Path.Combine(folder, "out"));
        Assert.True(exitCode == 0, error + output);
    }

    [Fact]
    public async Task Plot_draws_any_metric_over_the_chosen_axes_as_svg()
    {
        var target = Path.Combine(folder, "lambda.svg");

        var (exitCode, _, error) = await SweepProcess.RunAsync(folder, Patience, "plot", PhaseMap, "--metric", "lyapunov_max", "--x", "n", "--y", "g", "-o", target);

        Assert.True(exitCode == 0, error);
        var svg = XDocument.Load(target);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(6, svg.Descendants(ns + "g").Single(g => (string?)g.Attribute("class") == "cells").Elements(ns + "rect").Count());
    }

    [Fact]
    public async Task Plot_names_the_valid_columns_when_the_metric_is_unknown()
    {
        var (exitCode, _, error) = await SweepProcess.RunAsync(folder, Patience, "plot", PhaseMap, "--metric", "lyapunov_maxx");

        Assert.Equal(2, exitCode);
        Assert.Contains("--metric", error, StringComparison.Ordinal);
        Assert.Contains("lyapunov_max,", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_shows_schema_row_count_and_metadata()
    {
        var (exitCode, output, error) = await SweepProcess.RunAsync(folder, Patience, "inspect", PhaseMap);

        Assert.True(exitCode == 0, error);
        Assert.Contains("6 rows", output, StringComparison.Ordinal);
        Assert.Contains("lyapunov_max", output, StringComparison.Ordinal);
        Assert.Contains("orleanssweep.kernels", output, StringComparison.Ordinal);
        Assert.Contains("orleanssweep.spec", output, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }
}
