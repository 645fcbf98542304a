using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Output;
using OrleansSweep.Sweeps.Output.ParquetFiles;

namespace OrleansSweep.Sweeps.Tests.Output.ParquetFiles;

/// <summary>
/// The files a finished sweep leaves, read back by DuckDB: a 3 × 4 grid with ok, partial, failed and missing cells,
/// NaN, ±∞ and absent metrics, and a metric column no cell documents (new columns must flow through).
/// </summary>
public sealed class PhaseMapFilesTests : IAsyncLifetime
{
    private const string Kernels = "managed (test)";
    private readonly string folder = Directory.CreateTempSubdirectory("phase-map-files-").FullName;
    private readonly SweepPlan plan;
    private readonly List<CellAnalyzed> results;

    public PhaseMapFilesTests()
    {
        plan = SweepPlans.TwoAxes(3, 4, folder);
        results = plan.Cells.Where(c => c.Command.CellIndex != 5).Select(c => SweepPlans.Result(c.Command)).ToList();
    }

    private string PhaseMap => Path.Combine(folder, PhaseMapParquet.PhaseMapFile);

    private string Spectra => Path.Combine(folder, PhaseMapParquet.LyapunovSpectraFile);

    private string File => DuckDb.Literal(PhaseMap);

    public async Task InitializeAsync() => await new PhaseMapFinisher(Kernels).FinishAsync(plan, results, CancellationToken.None);

    [Fact]
    public void The_phase_map_reads_back_in_DuckDB_value_for_value_with_types_metadata_and_statistics()
    {
        var map = PhaseMapBuilder.Build(plan, results);
        var expected = map.Columns.Select(NaNAsNull).ToList();

        DuckDbAssert.FileHolds(PhaseMap, expected, map.Rows, PhaseMapMetadata.For(plan, Kernels), ParquetTableWriter.RowGroupSize);
    }

    [Fact]
    public void The_phase_map_has_the_documented_leading_columns_and_every_metric_of_the_cells()
    {
        var names = DuckDb.Query($"select name from parquet_schema({File}) where num_children is null").Select(r => (string)r[0]!).ToList();

        Assert.Equal(["a", "b", "cell_id", "cell_index", "n", "realizations", "status", "error"], names.Take(8));
        Assert.Equal("duration_seconds", names[^1]);
        Assert.Contains("bistable", names);
        Assert.Contains("lyapunov_max_sem", names);
    }

    [Fact]
    public void Undefined_metrics_are_null_never_NaN()
    {
        Assert.Equal(0, DuckDb.Count($"select count(*) from read_parquet({File}) where isnan(nan_metric)"));
        Assert.Equal(plan.Cells.Count, DuckDb.Count($"select count(*) from read_parquet({File}) where nan_metric is null"));
        var stats = DuckDb.Query($"select stats_min_value, stats_max_value, stats_null_count from parquet_metadata({File}) where path_in_schema = 'nan_metric'").Single();
        Assert.NotEqual("nan", stats[0] as string, StringComparer.OrdinalIgnoreCase);
        Assert.NotEqual("nan", stats[1] as string, StringComparer.OrdinalIgnoreCase);
        Assert.Equal((long)plan.Cells.Count, Convert.ToInt64(stats[2], System.Globalization.CultureInfo.InvariantCulture));
        // A range predicate on the all-null column finds nothing, whatever its min/max say.
        Assert.Equal(0, DuckDb.Count($"select count(*) from read_parquet({File}) where nan_metric >= 0 or nan_metric < 0"));
    }

    [Fact]
    public void Filtered_queries_on_each_column_type_count_the_right_rows()
    {
        var map = PhaseMapBuilder.Build(plan, results);
        int CountWhere(string column, Func<object?, bool> predicate) =>
            Enumerable.Range(0, map.Rows).Count(r => predicate(map.Find(column)!.Values.GetValue(r)));

        // int32 (required), double (axis and nullable metric), string (required and nullable).
        Assert.Equal(CountWhere("cell_index", v => (int)v! >= 7), DuckDb.Count($"select count(*) from read_parquet({File}) where cell_index >= 7"));
        Assert.Equal(CountWhere("b", v => (double)v! > 1.5), DuckDb.Count($"select count(*) from read_parquet({File}) where b > 1.5"));
        Assert.Equal(CountWhere("lyapunov_max", v => v is double d && d < 0.05), DuckDb.Count($"select count(*) from read_parquet({File}) where lyapunov_max < 0.05"));
        Assert.Equal(CountWhere("status", v => (string)v! == "failed"), DuckDb.Count($"select count(*) from read_parquet({File}) where status = 'failed'"));
        Assert.Equal(CountWhere("error", v => v is null), DuckDb.Count($"select count(*) from read_parquet({File}) where error is null"));
        Assert.True(CountWhere("status", v => (string)v! == "failed") > 0, "the sample must hold failed cells");
    }

    [Fact]
    public void The_lyapunov_spectra_read_back_in_DuckDB_with_one_row_per_cell_and_exponent()
    {
        var withSpectrum = plan.Cells.Where(c => results.Any(r => r.CellId == c.Command.CellId && r.Series.ContainsKey("lyapunov_spectrum"))).ToList();
        var rows = withSpectrum.SelectMany(c => results.Single(r => r.CellId == c.Command.CellId).Series["lyapunov_spectrum"].Select((v, i) => (c, i, v))).ToList();
        var expected = new List<PhaseMapColumn>
        {
            new("a", ColumnType.Double, false, rows.Select(r => (double?)r.c.AxisValues["a"]).ToArray()),
            new("b", ColumnType.Double, false, rows.Select(r => (double?)r.c.AxisValues["b"]).ToArray()),
            new("cell_id", ColumnType.Utf8, false, rows.Select(r => (string?)r.c.Command.CellId).ToArray()),
            new("exponent_index", ColumnType.Int32, false, rows.Select(r => (int?)r.i).ToArray()),
            new("exponent", ColumnType.Double, false, rows.Select(r => (double?)r.v).ToArray()),
        };

        DuckDbAssert.FileHolds(Spectra, expected, rows.Count, PhaseMapMetadata.For(plan, Kernels), ParquetTableWriter.RowGroupSize);
        Assert.Equal(rows.Count(r => r.i == 0), DuckDb.Count($"select count(*) from read_parquet({DuckDb.Literal(Spectra)}) where exponent_index = 0"));
    }

    [Fact]
    public async Task Parquet_Net_reads_back_what_it_wrote()
    {
        var map = PhaseMapBuilder.Build(plan, results);

        var read = await ParquetTableReader.ReadAsync(PhaseMap);

        Assert.Equal(map.Rows, read.Rows);
        Assert.Equal(PhaseMapMetadata.For(plan, Kernels).OrderBy(kv => kv.Key), read.Metadata.OrderBy(kv => kv.Key));
        Assert.Equal(map.Columns.Select(c => (c.Name, c.Type, c.Nullable)), read.Columns.Select(c => (c.Name, c.Type, c.Nullable)));
        foreach (var (written, back) in map.Columns.Select(NaNAsNull).Zip(read.Columns))
        {
            Assert.Equal(written.Values.Cast<object?>(), back.Values.Cast<object?>());
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    private static PhaseMapColumn NaNAsNull(PhaseMapColumn column) => column.Values is double?[] doubles && column.Nullable
        ? column with { Values = doubles.Select(v => v is { } d && double.IsNaN(d) ? null : v).ToArray() }
        : column;
}
