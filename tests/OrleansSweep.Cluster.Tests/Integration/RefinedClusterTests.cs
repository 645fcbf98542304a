using System.Globalization;
using DuckDB.NET.Data;
using OrleansSweep.Cluster.Tests.Support;

namespace OrleansSweep.Cluster.Tests.Integration;

/// <summary>A refined sweep (issue 16) on two real silo processes: the same cells, map and boundary as embedded.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RefinedClusterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cluster-refined-").FullName;

    [Fact]
    public async Task A_refined_sweep_on_two_silos_equals_the_embedded_one_cell_for_cell_and_boundary_for_boundary()
    {
        var spec = Path.Combine(folder, "refined.json");
        await File.WriteAllTextAsync(spec, """
            {
              "name": "refined-cluster", "model": "rate", "n": 60, "realizations": 4, "seed": 13,
              "parameters": { "dt": 0.1 },
              "grid": { "g": { "from": 0.2, "to": 3.4, "steps": 3 } },
              "analyses": { "lyapunov": { "exponents": 1, "transientTime": 20, "averagingTime": 200, "windows": 4 } },
              "refine": { "metric": "lyapunov_max", "level": 0, "depth": 3 }
            }
            """);
        await using var cluster = await TestCluster.StartAsync(silos: 2);

        await cluster.SubmitWatchAndReadAsync(spec, Path.Combine(folder, "cluster"));
        var embedded = await SweepCli.RunAsync(["run", spec, "--out", Path.Combine(folder, "embedded")]);
        Assert.True(embedded.ExitCode == 0, embedded.ToString());

        var clusterMap = PhaseMapTable.Read(Path.Combine(folder, "cluster", "phase_map.parquet"));
        var embeddedMap = PhaseMapTable.Read(Path.Combine(folder, "embedded", "phase_map.parquet"));
        // Four realisations, so the SEMs resolve the crossing between g = 0.2 (λ_max ≈ −0.84) and 1.8 (≈ +0.02) under
        // the split rule's Student-t k (3.31); measured: 7 cells over three rounds.
        Assert.True(clusterMap.Rows.Count > 3, "the sweep refined beyond its 3 coarse cells");
        Assert.Equal(embeddedMap.Comparable(), clusterMap.Comparable());
        Assert.Equal(Boundary(Path.Combine(folder, "embedded")), Boundary(Path.Combine(folder, "cluster")));
    }

    /// <summary>The boundary file's rows as text, in pair order, through DuckDB.</summary>
    private static List<string> Boundary(string output)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var path = Path.Combine(output, "phase_boundary.parquet").Replace("'", "''", StringComparison.Ordinal);
        command.CommandText = $"SELECT * FROM read_parquet('{path}') ORDER BY cell_index_a, cell_index_b";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        Assert.NotEmpty(rows);
        return rows;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
