using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansSweep.Sweeps.Grid;

namespace OrleansSweep.Sweeps.Cells;

/// <summary>The JSON form of a <see cref="CellDefinition"/> carried by the <c>AnalyzeCell</c> message.</summary>
public static class CellCodec
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Encode(CellDefinition cell) => JsonSerializer.Serialize(cell, Json);

    public static CellDefinition Decode(string json) =>
        JsonSerializer.Deserialize<CellDefinition>(json, Json) ?? throw new JsonException("The cell definition is empty.");
}
