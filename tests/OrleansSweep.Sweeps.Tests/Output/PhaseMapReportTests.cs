using OrleansSweep.Sweeps.Output;

namespace OrleansSweep.Sweeps.Tests.Output;

public sealed class PhaseMapReportTests
{
    [Fact]
    public void Two_axes_place_every_cell_and_pair_each_metric_with_its_sem_and_theory_columns()
    {
        var plan = SweepPlans.TwoAxes(3, 4, "unused");
        var results = plan.Cells.Select(c => SweepPlans.Result(c.Command)).ToList();
        var map = PhaseMapBuilder.Build(plan, results);

        var report = PhaseMapReport.Build(plan, map, [], []);

        Assert.Equal(["a", "b"], report.Axes.Select(a => a.Name));
        Assert.Equal(plan.Cells.Count, report.Cells.Count);
        Assert.All(report.Cells.Zip(plan.Cells), p => Assert.Equal([p.Second.AxisValues["a"], p.Second.AxisValues["b"]], p.First.Coordinates!));
        Assert.Equal(results.Select(r => r.Status), report.Cells.Select(c => c.Status));
        Assert.Equal(results.Select(r => r.Error), report.Cells.Select(c => c.Error));
        var lambda = report.Metrics.Single(m => m.Column == "lyapunov_max");
        Assert.True(lambda.Signed);
        Assert.Equal(results.Select(r => r.Metrics["lyapunov_max_sem"]), lambda.Sem!);
        Assert.Equal(results.Select(r => r.Metrics["theory_lyapunov_max"]), lambda.Theory!);
        Assert.Equal("lyapunov_max", report.ZeroContour!.Column);
    }

    [Fact]
    public void Further_axes_are_held_at_their_first_value_and_the_slice_is_named()
    {
        var plan = FakeCells.Plan(4, "unused");
        var threeAxes = plan with
        {
            Axes = [.. plan.Axes, new("c", [0.0], false), new("d", [1.0, 2.0], false)],
            Cells = plan.Cells.SelectMany(c => new[] { 1.0, 2.0 }.Select(d => c with
            {
                Command = c.Command with { CellId = $"{c.Command.CellId}-d{d}" },
                AxisValues = new Dictionary<string, double>(c.AxisValues) { ["c"] = 0, ["d"] = d },
            })).Select((c, i) => c with { Command = c.Command with { CellIndex = i } }).ToList(),
        };
        var results = threeAxes.Cells.Select(c => FakeCells.Result(c.Command)).ToList();
        var map = PhaseMapBuilder.Build(threeAxes, results);

        var report = PhaseMapReport.Build(threeAxes, map, [], []);

        Assert.Equal(["g", "c"], report.Axes.Select(a => a.Name));
        Assert.Equal("slice at d = 1", report.Slice);
        Assert.Equal(threeAxes.Cells.Count(c => c.AxisValues["d"] == 1), report.Cells.Count(c => c.Coordinates is not null));
    }

    [Fact]
    public async Task The_finisher_writes_an_interactive_report_beside_the_data()
    {
        var folder = Directory.CreateTempSubdirectory("report-").FullName;
        try
        {
            var plan = SweepPlans.TwoAxes(3, 4, folder);
            var results = plan.Cells.Select(c => SweepPlans.Result(c.Command)).ToList();

            await new PhaseMapFinisher("managed").FinishAsync(plan, results, CancellationToken.None);

            var html = File.ReadAllText(Path.Combine(folder, PhaseMapFinisher.ReportFile));
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("Plotly.newPlot('chart-1'", html, StringComparison.Ordinal);
            Assert.Contains("<td>phase_map.parquet, lyapunov_spectra.parquet</td>", html, StringComparison.Ordinal);
            Assert.Contains("solver diverged at step 12", html, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "lyapunov_max.svg")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_report_header_counts_the_cells_whose_theory_assumes_what_the_simulation_does_not()
    {
        var plan = FakeCells.Plan(4, "unused");
        var results = plan.Cells
            .Select(c => FakeCells.Result(c.Command))
            .Select((r, i) => r with { Metrics = new Dictionary<string, double?>(r.Metrics) { ["theory_assumption_unmet"] = i < 3 ? 1 : 0 } })
            .ToList();

        var note = PhaseMapFinisher.TheoryAssumptionNote(PhaseMapBuilder.Build(plan, results));

        Assert.StartsWith("3 of 4 cells: the Gaussian DMFT columns", note, StringComparison.Ordinal);
        var met = results.Select(r => r with { Metrics = new Dictionary<string, double?>(r.Metrics) { ["theory_assumption_unmet"] = 0 } }).ToList();
        Assert.Null(PhaseMapFinisher.TheoryAssumptionNote(PhaseMapBuilder.Build(plan, met)));
        Assert.Null(PhaseMapFinisher.TheoryAssumptionNote(PhaseMapBuilder.Build(plan, plan.Cells.Select(c => FakeCells.Result(c.Command)).ToList())));
    }
}
