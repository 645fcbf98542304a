using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OrleansSweep.Science.Randomness;

/// <summary>
/// Derives stream keys from (spec seed, cell key, realisation, role). The cell key is any stable text that
/// identifies the cell (the sweep layer uses its content-addressed cell id), so seeds never come from time,
/// worker identity or scheduling order.
/// </summary>
public static class StreamKeys
{
    /// <summary>The key of the stream for one role of one realisation of one cell.</summary>
    public static ulong Derive(ulong seed, string cellKey, int realization, StreamRole role)
    {
        ArgumentNullException.ThrowIfNull(cellKey);
        ArgumentOutOfRangeException.ThrowIfNegative(realization);
        var text = $"orleanssweep/v1|{seed}|{cellKey}|{realization}|{(int)role}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    /// <summary>A ready stream for one role of one realisation of one cell.</summary>
    public static RandomStream Stream(ulong seed, string cellKey, int realization, StreamRole role) =>
        new(Derive(seed, cellKey, realization, role));
}
