using DuckDB.NET.Data;

namespace OrleansSweep.Sweeps.Tests.Output.ParquetFiles;

/// <summary>DuckDB in process: the independent reader every Parquet file is checked with.</summary>
internal static class DuckDb
{
    /// <summary>Runs <paramref name="sql"/> on a fresh in-memory database and returns every row (DBNull as null).</summary>
    public static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static long Count(string sql) => Convert.ToInt64(Query(sql).Single()[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A file path as a SQL string literal.</summary>
    public static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}
