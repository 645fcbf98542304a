using DuckDB.NET.Data;

namespace OrleansSweep.Cluster.Tests.Support;

/// <summary>A phase map as DuckDB reads it: every row as text by column, for equality checks.</summary>
internal sealed record PhaseMapTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows)
{
    public static PhaseMapTable Read(string path)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}') ORDER BY cell_index";
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<IReadOnlyList<string?>>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))]);
        }

        return new PhaseMapTable(columns, rows);
    }

    /// <summary>The table without its timing and worker columns: what must be equal whoever computed the cells.</summary>
    public IReadOnlyList<string> Comparable()
    {
        var keep = Columns.Select((c, i) => (c, i)).Where(x => x.c is not "duration_seconds").Select(x => x.i).ToList();
        return [.. Rows.Select(r => string.Join("|", keep.Select(i => $"{Columns[i]}={r[i]}")))];
    }
}
