using OrleansSweep.Contracts;

namespace OrleansSweep.Grains.Cells;

/// <summary>A cell grain's stored state: its result, written once.</summary>
[GenerateSerializer, Alias("OrleansSweep.CellRecord")]
public sealed class CellRecord
{
    /// <summary>The result as first computed (addressed to the sweep that first asked); null until then.</summary>
    [Id(0)]
    public CellAnalyzed? Result { get; set; }
}
