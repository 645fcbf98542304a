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

    public static void Bind(SqliteCommand insert, CellAnalyzed result)
    {
        insert.Parameters.Clear();
        insert.Parameters.AddWithValue("$sweep", result.SweepId.ToString());
        insert.Parameters.AddWithValue("$cell", result.CellId);
        insert.Parameters.AddWithValue("$index", result.CellIndex);
        insert.Parameters.AddWithValue("$status", result.Status);
        insert.Parameters.AddWithValue("$error", (object?)result.Error ?? DBNull.Value);
        insert.Parameters.AddWithValue("$metrics", JsonSerializer.Serialize(result.Metrics, Json));
        insert.Parameters.AddWithValue("$statuses", JsonSerializer.Serialize(result.Statuses, Json));
        insert.Parameters.AddWithValue("$series", JsonSerializer.Serialize(result.Series, Json));
        insert.Parameters.AddWithValue("$worker", result.Worker);
        insert.Parameters.AddWithValue("$duration", result.DurationSeconds);
        insert.Parameters.AddWithValue("$recorded", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
    }

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
