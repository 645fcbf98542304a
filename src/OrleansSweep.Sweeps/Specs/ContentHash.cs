using System.Security.Cryptography;
using System.Text;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>Content addresses: the first 16 bytes of SHA-256 over UTF-8 text, as 32 lowercase hex characters.</summary>
internal static class ContentHash
{
    public static string Of(string canonicalText)
    {
        ArgumentNullException.ThrowIfNull(canonicalText);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(canonicalText), hash);

        // 128 bits: collisions need ~2⁶⁴ cells, far beyond any sweep, and ids stay short in file names and logs.
        return Convert.ToHexStringLower(hash[..16]);
    }
}
