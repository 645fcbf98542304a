using System.Globalization;
using OrleansSweep.Sweeps.Output;
using OrleansSweep.Sweeps.Output.ParquetFiles;

namespace OrleansSweep.Sweeps.Tests.Output.ParquetFiles;

/// <summary>
/// Pins a defect of Parquet.Net 6.1.0 that the phase map cannot design around, and the behaviour that keeps
/// queries right despite it. When this test fails after an upgrade, the defect is fixed: tighten
/// <see cref="DuckDbAssert"/> to require absent min/max for all-null chunks and delete this class.
/// </summary>
public sealed class ParquetNetDefectsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parquet-net-defects-").FullName;

    [Fact]
    public async Task An_all_null_chunk_gets_min_max_of_the_default_value_but_queries_stay_right()
    {
        var path = Path.Combine(folder, "all-null.parquet");
        PhaseMapColumn[] columns =
        [
            new("d", ColumnType.Double, true, new double?[] { null, null, null }),
            new("i", ColumnType.Int32, true, new int?[] { null, null, null }),
            new("k", ColumnType.Int32, false, new int?[] { 1, 2, 3 }),
        ];

        await ParquetTableWriter.WriteAsync(path, columns, 3, new Dictionary<string, string>());

        var file = DuckDb.Literal(path);
        var stats = DuckDb.Query($"select path_in_schema, stats_min_value, stats_max_value, stats_null_count from parquet_metadata({file}) order by column_id");
        // The defect: min = max = 0 although the chunk holds no value (a correct writer omits them).
        Assert.Equal(("d", "0.0", "0.0", 3L), Row(stats[0]));
        Assert.Equal(("i", "0", "0", 3L), Row(stats[1]));
        // Why it does no harm to results: null_count = num_values, and a predicate matching the bogus 0 finds nothing.
        Assert.Equal(0, DuckDb.Count($"select count(*) from read_parquet({file}) where d = 0 or i = 0"));
        Assert.Equal(3, DuckDb.Count($"select count(*) from read_parquet({file}) where d is null and i is null"));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static (string, string?, string?, long) Row(object?[] row) =>
        ((string)row[0]!, (string?)row[1], (string?)row[2], Convert.ToInt64(row[3], CultureInfo.InvariantCulture));
}
