using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using OrleansSweep.Contracts;

namespace OrleansSweep.Sweeps.Storage;

/// <summary>Maps a <see cref="CellAnalyzed"/> to and from a row of the cells table.</summary>
internal static class StoredResultCodec
{
    // NaN and ±Infinity are legitimate metric values (e.g. ξ = ∞ on the critical line); JSON needs them named.
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The parameters of <see cref="StoreSchema.InsertCell"/>, in the order <see cref="Bind"/> fills them.</summary>
    private static readonly string[] InsertParameters =
        ["$sweep", "$cell", "$index", "$status", "$error", "$metrics", "$statuses", "$series", "$worker", "$duration", "$recorded"];

    /// <summary>The insert statement with its parameters declared once: the store keeps it (prepared) for its lifetime.</summary>
    public static SqliteCommand CreateInsert(SqliteConnection connection)
    {
        var insert = connection.CreateCommand();
        insert.CommandText = StoreSchema.InsertCell;
        foreach (var name in InsertParameters)
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return insert;
    }

    /// <summary>Sets the parameters of an insert made by <see cref="CreateInsert"/> to one result.</summary>
    /// <param name="insert">The insert statement.</param>
    /// <param name="result">The result to store.</param>
    /// <param name="recordedUtc">When its batch is recorded (ISO 8601, UTC): one timestamp per transaction.</param>
    public static void Bind(SqliteCommand insert, CellAnalyzed result, string recordedUtc)
    {
        var values = insert.Parameters;
        values[0].Value = result.SweepId.ToString();
        values[1].Value = result.CellId;
        values[2].Value = result.CellIndex;
        values[3].Value = result.Status;
        values[4].Value = (object?)result.Error ?? DBNull.Value;
        values[5].Value = JsonSerializer.Serialize(result.Metrics, Json);
        values[6].Value = JsonSerializer.Serialize(result.Statuses, Json);
        values[7].Value = JsonSerializer.Serialize(result.Series, Json);
        values[8].Value = result.Worker;
        values[9].Value = result.DurationSeconds;
        values[10].Value = recordedUtc;
    }

    public static string Timestamp(DateTime utc) => utc.ToString("O", CultureInfo.InvariantCulture);

    public static CellAnalyzed Read(Guid sweepId, SqliteDataReader reader) => new(
        sweepId,
        reader.GetString(0),
        reader.GetInt32(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        JsonSerializer.Deserialize<Dictionary<string, double?>>(reader.GetString(4), Json)!,
        JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5), Json)!,
        JsonSerializer.Deserialize<Dictionary<string, double[]>>(reader.GetString(6), Json)!,
        reader.GetString(7),
        reader.GetDouble(8));
}
