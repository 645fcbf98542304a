using System.Globalization;
using System.Xml.Linq;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Output;
using OrleansSweep.Sweeps.Output.ParquetFiles;
using OrleansSweep.Sweeps.Refinement;
using OrleansSweep.Sweeps.Tests.Output.ParquetFiles;

namespace OrleansSweep.Sweeps.Tests.Output;

/// <summary>
/// The outputs of a refined two-axis sweep (a circle λ_max = r − 0.6 refined to depth 3), read back by DuckDB and
/// checked against the <see cref="RefinementPlan"/> itself: rows, depths, extents, the tiling of the leaves, the
/// boundary file and the picture.
/// </summary>
public sealed class RefinedOutputsTests : IAsyncLifetime
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const string Kernels = "managed (test)";
    private readonly string folder = Directory.CreateTempSubdirectory("refined-outputs-").FullName;
    private readonly SweepPlan plan;
    private readonly RefinementPlan refinement;
    private readonly List<CellAnalyzed> results;

    public RefinedOutputsTests()
    {
        (plan, results) = RefinedSweeps.Circle(folder);
        refinement = plan.Refinement!;
    }

    private string PhaseMapFile => DuckDb.Literal(Path.Combine(folder, PhaseMapParquet.PhaseMapFile));

    private string BoundaryPath => Path.Combine(folder, PhaseBoundaryParquet.FileName);

    public async Task InitializeAsync() => await new PhaseMapFinisher(Kernels).FinishAsync(plan, results, CancellationToken.None);

    [Fact]
    public void The_sample_refines_below_the_coarse_grid_and_holds_a_failed_cell()
    {
        Assert.True(results.Count > 2 * plan.Cells.Count, $"{results.Count} cells for {plan.Cells.Count} coarse: the test needs real refinement");
        Assert.Contains(results, r => refinement.CellAt(r.CellIndex).Depth == refinement.Settings.Depth);
        Assert.Contains(results, r => r.Status == "failed");
    }

    [Fact]
    public void The_phase_map_has_one_row_per_computed_cell_in_cell_index_order()
    {
        var rows = DuckDb.Query($"select cell_index, cell_id, status from read_parquet({PhaseMapFile})");

        var expected = results.OrderBy(r => r.CellIndex).ToList();
        Assert.Equal(expected.Select(r => r.CellIndex), rows.Select(r => (int)r[0]!));
        Assert.Equal(expected.Select(r => r.CellId), rows.Select(r => (string)r[1]!));
        Assert.Equal(expected.Select(r => r.Status), rows.Select(r => (string)r[2]!));
    }

    [Fact]
    public void Depth_and_extent_columns_are_those_of_the_refinement_plan_s_cell()
    {
        var schema = DuckDb.Query($"select name, type, repetition_type from parquet_schema({PhaseMapFile}) where num_children is null");
        Assert.Equal(
            ["b_z", "b_r", "depth", "b_z_lower", "b_z_upper", "b_r_lower", "b_r_upper", "cell_id", "cell_index"],
            schema.Take(9).Select(r => (string)r[0]!));
        Assert.Equal(["INT32", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE"], schema.Skip(2).Take(5).Select(r => (string)r[1]!));
        Assert.All(schema.Skip(2).Take(5), r => Assert.Equal("REQUIRED", r[2]));

        var rows = DuckDb.Query($"select cell_index, depth, b_z_lower, b_z_upper, b_r_lower, b_r_upper, b_z, b_r from read_parquet({PhaseMapFile})");
        foreach (var row in rows)
        {
            var cell = refinement.CellAt((int)row[0]!);
            Assert.Equal(cell.Depth, (int)row[1]!);
            Assert.Equal(cell.Extents.Select(e => e.Axis), ["bZ", "bR"]);
            Assert.Equal([cell.Extents[0].Lower, cell.Extents[0].Upper, cell.Extents[1].Lower, cell.Extents[1].Upper], row.Skip(2).Take(4).Cast<double>());
            Assert.Equal([cell.Cell.AxisValues["bZ"], cell.Cell.AxisValues["bR"]], row.Skip(6).Cast<double>());
        }
    }

    [Fact]
    public void The_leaves_tile_the_swept_range_exactly()
    {
        var cells = Cells();
        var leaves = Leaves(cells);

        // Every leaf inside the range, no two overlapping, and their areas summing to the range's: an exact tiling.
        Assert.All(leaves, c => Assert.True(c.X0 >= -1 && c.X1 <= 1 && c.Y0 >= -1 && c.Y1 <= 1 && c.X0 < c.X1 && c.Y0 < c.Y1));
        for (var i = 0; i < leaves.Count; i++)
        {
            for (var j = i + 1; j < leaves.Count; j++)
            {
                var overlap = Math.Max(0, Math.Min(leaves[i].X1, leaves[j].X1) - Math.Max(leaves[i].X0, leaves[j].X0))
                    * Math.Max(0, Math.Min(leaves[i].Y1, leaves[j].Y1) - Math.Max(leaves[i].Y0, leaves[j].Y0));
                Assert.True(overlap == 0, $"leaves {leaves[i].Index} and {leaves[j].Index} overlap by {overlap}");
            }
        }

        Assert.Equal(4.0, leaves.Sum(c => (c.X1 - c.X0) * (c.Y1 - c.Y0)), 12);
        Assert.True(leaves.Count < cells.Count, "split cells are not leaves");
    }

    [Fact]
    public async Task The_boundary_file_holds_the_plan_s_boundary_and_reads_back_the_same_in_DuckDB_and_Parquet_Net()
    {
        var samples = results.Select(r => refinement.SampleOf(r.CellIndex, r.Metrics)).ToList();
        var boundary = refinement.Boundary(samples);
        Assert.True(boundary.Count > 8, "the circle must give boundary points");
        var file = DuckDb.Literal(BoundaryPath);

        var names = DuckDb.Query($"select name from parquet_schema({file}) where num_children is null").Select(r => (string)r[0]!);
        Assert.Equal(
            ["b_z", "b_r", "b_z_sem", "b_r_sem", "b_z_lower", "b_z_upper", "b_r_lower", "b_r_upper", "fraction", "fraction_sem", "depth",
             "cell_id_a", "cell_id_b", "cell_index_a", "cell_index_b", "significant"],
            names);
        var rows = DuckDb.Query($"select * from read_parquet({file})");
        Assert.Equal(boundary.Count, rows.Count);
        foreach (var (point, row) in boundary.Zip(rows))
        {
            var (z, r) = (point.Coordinates[0], point.Coordinates[1]);
            object?[] expected =
            [
                z.Value, r.Value, z.Sem, r.Sem, z.Lower, z.Upper, r.Lower, r.Upper, point.Fraction, point.FractionSem, point.Depth,
                point.CellA, point.CellB, point.IndexA, point.IndexB, point.Significant,
            ];
            Assert.Equal(expected, row);
        }

        var metadata = DuckDb.Query($"select decode(key), decode(value) from parquet_kv_metadata({file})").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("lyapunov_max", metadata[RefinementColumns.MetricKey]);
        Assert.Equal("0", metadata[RefinementColumns.LevelKey]);
        Assert.Equal(PhaseMapMetadata.For(plan, Kernels).OrderBy(kv => kv.Key), metadata.OrderBy(kv => kv.Key));

        var columns = PhaseBoundaryParquet.Columns(plan, boundary);
        DuckDbAssert.FileHolds(BoundaryPath, columns, boundary.Count, PhaseMapMetadata.For(plan, Kernels), ParquetTableWriter.RowGroupSize);
        var read = await ParquetTableReader.ReadAsync(BoundaryPath);
        Assert.Equal(columns.Select(c => (c.Name, c.Type, c.Nullable)), read.Columns.Select(c => (c.Name, c.Type, c.Nullable)));
        foreach (var (written, back) in columns.Zip(read.Columns))
        {
            Assert.Equal(written.Values.Cast<object?>(), back.Values.Cast<object?>());
        }
    }

    [Fact]
    public void The_boundary_lies_on_the_circle_within_the_interpolation_error_of_the_finest_cells()
    {
        var rows = DuckDb.Query($"select b_z, b_r, depth from read_parquet({DuckDb.Literal(BoundaryPath)}) where depth = 3");
        Assert.NotEmpty(rows);
        // Linear interpolation of r − 0.6 between samples ≤ 2·(0.5/8) apart: the chord error is O(h²/R) ≈ 0.01.
        Assert.All(rows, r => Assert.InRange(Math.Sqrt(((double)r[0]! * (double)r[0]!) + ((double)r[1]! * (double)r[1]!)), 0.59, 0.61));
    }

    [Fact]
    public void The_heat_map_draws_one_rect_per_leaf_and_one_marker_per_boundary_point()
    {
        var doc = XDocument.Load(Path.Combine(folder, "lyapunov_max.svg"));

        var rects = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "cells").Elements(Svg + "rect").ToList();
        Assert.Equal(Leaves(Cells()).Count, rects.Count);
        var samples = results.Select(r => refinement.SampleOf(r.CellIndex, r.Metrics)).ToList();
        var markers = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "boundary").Elements(Svg + "circle");
        Assert.Equal(refinement.Boundary(samples).Count, markers.Count());
        // The leaves fill the plot frame: their areas in px add up to the frame's (each edge is rounded once, shared).
        var frame = doc.Descendants(Svg + "rect").Single(r => (string?)r.Attribute("class") == "plot-frame");
        double Px(XElement e, string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);
        Assert.Equal(Px(frame, "width") * Px(frame, "height"), rects.Sum(r => Px(r, "width") * Px(r, "height")), 0);
    }

    [Fact]
    public async Task A_phase_map_read_back_from_Parquet_draws_the_same_picture_as_the_finisher()
    {
        // As `sweep plot` does: the map's own columns place the cells, and its rows give the boundary.
        var read = await ParquetTableReader.ReadAsync(Path.Combine(folder, PhaseMapParquet.PhaseMapFile));
        var map = new PhaseMap(read.Columns, read.Rows, []);

        var svg = PhaseMapPlots.Render(map, plan, "lyapunov_max");

        Assert.Equal(File.ReadAllText(Path.Combine(folder, "lyapunov_max.svg")), svg);
    }

    [Fact]
    public void The_report_places_every_computed_cell_and_carries_the_boundary()
    {
        var map = PhaseMapBuilder.Build(plan, results);

        var report = PhaseMapReport.Build(plan, map, [], []);

        Assert.Equal(results.Count, report.Cells.Count(c => c.Coordinates is not null));
        var samples = results.Select(r => refinement.SampleOf(r.CellIndex, r.Metrics)).ToList();
        Assert.Equal(refinement.Boundary(samples).Select(p => (p.Coordinates[0].Value, p.Coordinates[1].Value)), report.Refinement!.Boundary.Select(m => (m.X, m.Y)));
        var html = File.ReadAllText(Path.Combine(folder, PhaseMapFinisher.ReportFile));
        Assert.Contains("boundary", html, StringComparison.Ordinal);
        Assert.Contains(PhaseBoundaryParquet.FileName, html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lyapunov_spectra_hold_every_computed_cell()
    {
        var file = DuckDb.Literal(Path.Combine(folder, PhaseMapParquet.LyapunovSpectraFile));

        Assert.Equal(results.Count(r => r.Status != "failed"), DuckDb.Count($"select count(distinct cell_id) from read_parquet({file})"));
    }

    [Fact]
    public void An_unfinished_refinement_or_a_missing_coarse_cell_is_refused_with_what_is_missing()
    {
        var lastDepth = results.Max(r => refinement.CellAt(r.CellIndex).Depth);
        var cut = results.Where(r => refinement.CellAt(r.CellIndex).Depth < lastDepth).ToList();
        var unfinished = Assert.Throws<InvalidOperationException>(() => RefinementOutputs.RequireComplete(plan, cut));
        Assert.Contains("not finished", unfinished.Message, StringComparison.Ordinal);
        Assert.Contains($"{results.Count - cut.Count} more are due", unfinished.Message, StringComparison.Ordinal);

        var noCoarse = Assert.Throws<InvalidOperationException>(() => RefinementOutputs.RequireComplete(plan, results.Where(r => r.CellIndex != 7).ToList()));
        Assert.Contains("cell index 7", noCoarse.Message, StringComparison.Ordinal);

        RefinementOutputs.RequireComplete(plan, results);
    }

    [Fact]
    public void A_result_whose_id_is_not_the_cell_at_its_index_is_refused()
    {
        var child = results.First(r => r.CellIndex >= plan.Cells.Count);
        var wrong = results.Select(r => r == child ? r with { CellId = "not-this-cell" } : r).ToList();

        var error = Assert.Throws<ArgumentException>(() => PhaseMapBuilder.Build(plan, wrong));
        Assert.Contains(child.CellIndex.ToString(CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Every row's extent as DuckDB reads it.</summary>
    private List<(int Index, int Depth, double X0, double X1, double Y0, double Y1, double X, double Y)> Cells() =>
        DuckDb.Query($"select cell_index, depth, b_z_lower, b_z_upper, b_r_lower, b_r_upper, b_z, b_r from read_parquet({PhaseMapFile})")
            .Select(r => ((int)r[0]!, (int)r[1]!, (double)r[2]!, (double)r[3]!, (double)r[4]!, (double)r[5]!, (double)r[6]!, (double)r[7]!))
            .ToList();

    /// <summary>The leaves, found independently of the code under test: cells containing no deeper cell's sample.</summary>
    private static List<(int Index, int Depth, double X0, double X1, double Y0, double Y1, double X, double Y)> Leaves(
        List<(int Index, int Depth, double X0, double X1, double Y0, double Y1, double X, double Y)> cells) =>
        cells.Where(c => !cells.Any(d => d.Depth > c.Depth && d.X > c.X0 && d.X < c.X1 && d.Y > c.Y0 && d.Y < c.Y1)).ToList();
}
