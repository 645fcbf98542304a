using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace OrleansSweep.Client.Tests.Support;

/// <summary>
/// A Parquet file as DuckDB (an independent reader, in process) sees it: column names, values as JSON text
/// (strings quoted, numbers round-trip, <c>null</c>), and the key-value metadata.
/// </summary>
internal sealed record DuckDbTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> ColumnValues, IReadOnlyDictionary<string, string> Metadata)
{
    public long Rows => ColumnValues.Count == 0 ? 0 : ColumnValues[0].Count;

    public IReadOnlyList<string> Column(string name) => ColumnValues[Columns.ToList().IndexOf(name) is var i and >= 0 ? i : throw new KeyNotFoundException(name)];

    public static Task<DuckDbTable> ReadAsync(string path)
    {
        var file = "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var columns = new List<string>();
        var values = new List<List<string>>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"select * from read_parquet({file})";
            using var reader = command.ExecuteReader();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                columns.Add(reader.GetName(i));
                values.Add([]);
            }

            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values[i].Add(reader.IsDBNull(i) ? "null" : Json(reader.GetValue(i)));
                }
            }
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"select decode(key), decode(value) from parquet_kv_metadata({file})";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                metadata[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return Task.FromResult(new DuckDbTable(columns, values.Select(v => (IReadOnlyList<string>)v).ToList(), metadata));
    }

    private static string Json(object value) => value switch
    {
        string text => JsonSerializer.Serialize(text),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
