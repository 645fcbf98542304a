using System.Xml.Linq;
using OrleansSweep.Sweeps.Output;
using OrleansSweep.Sweeps.Tests.Output.ParquetFiles;

namespace OrleansSweep.Sweeps.Tests.Output;

/// <summary>A refined one-axis sweep (λ_max = bZ − 0.3 refined to depth 4), and a plain sweep beside it that must not change.</summary>
public sealed class RefinedLineOutputsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task A_one_axis_refined_sweep_draws_every_computed_cell_in_axis_order_with_the_crossing_marked()
    {
        var folder = Directory.CreateTempSubdirectory("refined-line-").FullName;
        try
        {
            var (plan, results) = RefinedSweeps.Line(folder);
            await new PhaseMapFinisher("managed").FinishAsync(plan, results, CancellationToken.None);

            var doc = XDocument.Load(Path.Combine(folder, "lyapunov_max.svg"));
            var xs = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "points").Elements(Svg + "circle")
                .Select(c => (double)c.Attribute("cx")!).ToList();
            Assert.Equal(results.Count, xs.Count);
            Assert.Equal(xs.Order(), xs);
            Assert.True(results.Count > plan.Cells.Count + 4, "the line must be refined");

            var crossing = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "crossings").Elements(Svg + "line").Single();
            var boundary = DuckDb.Query($"select b_z, b_z_sem, depth from read_parquet({DuckDb.Literal(Path.Combine(folder, PhaseBoundaryParquet.FileName))})").Single();
            // A linear field is interpolated exactly: the crossing is at bZ = 0.3 to rounding, found at the full depth.
            Assert.Equal(0.3, (double)boundary[0]!, 12);
            Assert.Equal(4, (int)boundary[2]!);
            Assert.Contains("0.3", crossing.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task One_refined_axis_beside_a_slice_axis_draws_rows_of_cells_that_fill_the_plot_with_a_crossing_per_slice()
    {
        var folder = Directory.CreateTempSubdirectory("refined-slices-").FullName;
        try
        {
            var sweep = Refinement.RefineHarness.Spec(
                """{ "bZ": { "from": -1, "to": 1, "steps": 5 }, "bR": { "from": 0, "to": 1, "steps": 3 } }""",
                """{ "metric": "lyapunov_max", "level": 0, "depth": 3, "axes": ["bZ"] }""");
            var (plan, results) = RefinedSweeps.Run(sweep, folder, v => v["bZ"] - (0.5 * v["bR"]), failed: null);

            await new PhaseMapFinisher("managed").FinishAsync(plan, results, CancellationToken.None);

            var doc = XDocument.Load(Path.Combine(folder, "lyapunov_max.svg"));
            double Px(XElement e, string name) => double.Parse((string)e.Attribute(name)!, System.Globalization.CultureInfo.InvariantCulture);
            var rects = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "cells").Elements(Svg + "rect").ToList();
            var frame = doc.Descendants(Svg + "rect").Single(r => (string?)r.Attribute("class") == "plot-frame");
            Assert.Equal(Px(frame, "width") * Px(frame, "height"), rects.Sum(r => Px(r, "width") * Px(r, "height")), 0);
            Assert.True(rects.Count > plan.Cells.Count, "the cells are refined along bZ");
            var markers = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "boundary").Elements(Svg + "circle").Count();
            Assert.Equal(3, markers);
            var crossings = DuckDb.Query($"select b_r, b_z from read_parquet({DuckDb.Literal(Path.Combine(folder, PhaseBoundaryParquet.FileName))}) order by b_r");
            Assert.Equal([0.0, 0.5, 1.0], crossings.Select(r => (double)r[0]!));
            Assert.All(crossings, r => Assert.Equal(0.5 * (double)r[0]!, (double)r[1]!, 12));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_plain_sweep_has_no_refinement_columns_metadata_or_boundary_file()
    {
        var folder = Directory.CreateTempSubdirectory("plain-outputs-").FullName;
        try
        {
            var plan = SweepPlans.TwoAxes(3, 4, folder);
            var results = plan.Cells.Select(c => SweepPlans.Result(c.Command)).ToList();

            await new PhaseMapFinisher("managed").FinishAsync(plan, results, CancellationToken.None);

            var file = DuckDb.Literal(Path.Combine(folder, PhaseMapParquet.PhaseMapFile));
            var names = DuckDb.Query($"select name from parquet_schema({file}) where num_children is null").Select(r => (string)r[0]!).ToList();
            Assert.Equal(["a", "b", "cell_id", "cell_index", "n", "realizations", "status", "error"], names.Take(8));
            Assert.DoesNotContain(names, n => n == "depth" || n.EndsWith("_lower", StringComparison.Ordinal) || n.EndsWith("_upper", StringComparison.Ordinal));
            var keys = DuckDb.Query($"select decode(key) from parquet_kv_metadata({file})").Select(r => (string)r[0]!).ToList();
            Assert.DoesNotContain(keys, k => k.StartsWith("orleanssweep.refine", StringComparison.Ordinal));
            Assert.False(File.Exists(Path.Combine(folder, PhaseBoundaryParquet.FileName)));
            Assert.Equal(plan.Cells.Count, DuckDb.Count($"select count(*) from read_parquet({file})"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
