using System.Text;

namespace OrleansSweep.Parquet.Columns;

/// <summary>UTF-8 helpers: a strict encoder and the UTF-8 byte order computed on UTF-16 strings.</summary>
internal static class Utf8Text
{
    /// <summary>UTF-8 without BOM that throws on lone surrogates instead of writing U+FFFD.</summary>
    public static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Compares as unsigned UTF-8 bytes would, i.e. by code point, without encoding.</summary>
    /// <remarks>
    /// Ordinal UTF-16 order differs from code-point order only between surrogates (U+D800–U+DFFF, which encode
    /// U+10000 and above) and U+E000–U+FFFF. Shifting surrogates above and U+E000–U+FFFF down by the same 0x800
    /// block restores code-point order while comparing code units.
    /// </remarks>
    public static int CompareByCodePoint(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return Fix(a[i]).CompareTo(Fix(b[i]));
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private static int Fix(char c) => c >= 0xD800 ? (c >= 0xE000 ? c - 0x800 : c + 0x2000) : c;
}
