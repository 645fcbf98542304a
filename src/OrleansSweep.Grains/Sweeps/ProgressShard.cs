namespace OrleansSweep.Grains.Sweeps;

/// <summary>One stored slice of a sweep's progress: which of its cells are counted, and which of those failed.</summary>
/// <remarks>
/// Why shards: a progress record that grows with the sweep and is rewritten per result costs quadratic bytes. A shard
/// covers <see cref="ProgressBitmap.CellsPerShard"/> cells in 2 × 512 bytes and is rewritten only when it changed since
/// the last flush, so total bytes written grow with cells × flushes, not cells².
/// </remarks>
[GenerateSerializer, Alias("OrleansSweep.ProgressShard")]
public sealed class ProgressShard
{
    [Id(0)]
    public byte[] Done { get; set; } = [];

    [Id(1)]
    public byte[] Failed { get; set; } = [];
}
