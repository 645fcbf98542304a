using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OrleansSweep.Client.Tests.Support;

namespace OrleansSweep.Client.Tests;

public sealed class RunCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private static readonly string[] TimingColumns = ["duration_seconds"];
    private readonly string folder = Directory.CreateTempSubdirectory("run-").FullName;

    [Fact]
    public async Task The_same_spec_run_twice_gives_identical_phase_maps_apart_from_timing()
    {
        var spec = TestSpecs.Write(folder, TestSpecs.Rate());

        var first = await RunToCompletion(spec, "first");
        var second = await RunToCompletion(spec, "second");

        AssertSameApartFromTiming(first, second);
        Assert.Equal(8, first.Rows);
    }

    [Fact]
    public async Task The_phase_map_has_the_documented_columns_values_and_metadata()
    {
        var spec = TestSpecs.Write(folder, TestSpecs.Rate(cells: 4));

        var map = await RunToCompletion(spec, "out");

        foreach (var column in new[] { "g", "cell_id", "cell_index", "n", "realizations", "status", "error", "lyapunov_max", "lyapunov_max_sem",
            "lyapunov_sum", "kaplan_yorke_dimension", "spectral_abscissa", "slow_mode_fraction", "fixed_points", "fixed_points_stable",
            "theory_lyapunov_max", "duration_seconds" })
        {
            Assert.Contains(column, map.Columns);
        }

        // Linear axes are from + i·(to − from)/(steps − 1), endpoints exact; DuckDB's values arrive as JSON strings.
        Assert.Equal(Enumerable.Range(0, 4).Select(i => 0.5 + (i * 2.5 / 3)), map.Column("g").Select(Number));
        Assert.All(map.Column("status"), s => Assert.Contains(s, new[] { "\"ok\"", "\"partial\"" }));
        Assert.All(map.Column("n"), n => Assert.Equal(24.0, Number(n)));
        Assert.Contains("\"model\": \"rate\"", map.Metadata["orleanssweep.spec"], StringComparison.Ordinal);
        Assert.Contains("orleanssweep.version", map.Metadata.Keys);
        Assert.Contains("orleanssweep.kernels", map.Metadata.Keys);
        Assert.Contains("orleanssweep.conventions", map.Metadata.Keys);
        // The rate network at g = 0.5 is contracting: one stable fixed point (the origin) and λ_max ≈ −0.5 (§D case 2).
        Assert.Equal(1.0, Number(map.Column("fixed_points")[0]));
        Assert.InRange(Number(map.Column("lyapunov_max")[0]), -0.56, -0.44);
        foreach (var picture in new[] { "lyapunov_max.svg", "report.html", "lyapunov_spectra.parquet" })
        {
            Assert.True(File.Exists(Path.Combine(folder, "out", picture)), picture);
        }
    }

    [Fact]
    public async Task A_killed_run_resumes_and_finishes_every_cell_exactly_once_with_the_same_map()
    {
        var spec = TestSpecs.Write(folder, TestSpecs.Rate(cells: 24));
        var reference = await RunToCompletion(spec, "reference");
        var output = Path.Combine(folder, "interrupted");

        await KillOnceStoredAsync(spec, output, cells: 4);

        var storedBeforeResume = StoredCells(Path.Combine(output, ".orleanssweep", "grains.db"));
        Assert.InRange(storedBeforeResume, 4, 23);
        var (exitCode, stdout, error) = await SweepProcess.RunAsync(folder, Patience, "run", spec, "--out", output);
        Assert.True(exitCode == 0, error + stdout);

        Assert.Equal(24, StoredCells(Path.Combine(output, ".orleanssweep", "grains.db")));
        var resumed = await DuckDbTable.ReadAsync(Path.Combine(output, "phase_map.parquet"));
        Assert.Equal(24, resumed.Column("cell_id").Distinct().Count());
        AssertSameApartFromTiming(reference, resumed);
    }

    [Fact]
    public async Task A_refined_run_killed_mid_refinement_resumes_to_the_identical_set_of_cells()
    {
        var spec = TestSpecs.Write(folder, TestSpecs.RefinedRate());
        var reference = await RunToCompletion(spec, "reference");
        var cells = reference.Column("cell_id").Count;
        Assert.True(reference.Column("depth").Max(d => int.Parse(d, System.Globalization.CultureInfo.InvariantCulture)) >= 2, "the run refined");
        var output = Path.Combine(folder, "interrupted");

        await KillOnceStoredAsync(spec, output, cells: 7); // in a refinement round: the coarse round has 5 cells

        Assert.InRange(StoredCells(Path.Combine(output, ".orleanssweep", "grains.db")), 5, cells - 1);
        var (exitCode, stdout, error) = await SweepProcess.RunAsync(folder, Patience, "run", spec, "--out", output);
        Assert.True(exitCode == 0, error + stdout);

        Assert.Equal(cells, StoredCells(Path.Combine(output, ".orleanssweep", "grains.db")));
        AssertSameApartFromTiming(reference, await DuckDbTable.ReadAsync(Path.Combine(output, "phase_map.parquet")));
    }

    /// <summary>Starts <c>sweep run</c> and kills it with SIGKILL (no chance to flush anything) once it has stored <paramref name="cells"/> cells.</summary>
    private async Task KillOnceStoredAsync(string spec, string output, int cells)
    {
        using var process = Process.Start(SweepProcess.StartInfo(folder, "run", spec, "--out", output))!;
        var store = Path.Combine(output, ".orleanssweep", "grains.db");
        var deadline = Stopwatch.StartNew();
        while (StoredCells(store) < cells && deadline.Elapsed < Patience && !process.HasExited)
        {
            await Task.Delay(20);
        }

        Assert.False(process.HasExited, "the sweep finished before it could be killed: make the test spec larger");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    private async Task<DuckDbTable> RunToCompletion(string spec, string outputName)
    {
        var output = Path.Combine(folder, outputName);
        var (exitCode, stdout, error) = await SweepProcess.RunAsync(folder, Patience, "run", spec, "--out", output);
        Assert.True(exitCode == 0, error + stdout);
        return await DuckDbTable.ReadAsync(Path.Combine(output, "phase_map.parquet"));
    }

    private static void AssertSameApartFromTiming(DuckDbTable expected, DuckDbTable actual)
    {
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.Equal(expected.Metadata, actual.Metadata);
        foreach (var column in expected.Columns.Except(TimingColumns))
        {
            Assert.Equal(expected.Column(column), actual.Column(column));
        }
    }

    private static double Number(string json) =>
        double.Parse(json.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

    private static int StoredCells(string store)
    {
        if (!File.Exists(store))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM grain_state WHERE state_name = 'cell'"; // one row per cell id: a cell cannot be stored twice
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // the schema is being created
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
