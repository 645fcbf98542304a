using System.Text;

namespace OrleansSweep.Parquet.Format;

/// <summary>parquet.thrift's own spelling of enum values (DELTA_BINARY_PACKED, INT_32, …) for error messages.</summary>
internal static class FormatNames
{
    public static string Of<T>(T? value)
        where T : struct, Enum
    {
        if (value is not { } known)
        {
            return "(none)";
        }

        if (!Enum.IsDefined(known))
        {
            return $"{typeof(T).Name} {Convert.ToInt32(known, System.Globalization.CultureInfo.InvariantCulture)}";
        }

        // PascalCase → UPPER_SNAKE: RleDictionary → RLE_DICTIONARY, Lz4Raw → LZ4_RAW; converted types also split
        // off their digits (Int32 → INT_32, where the physical type stays INT32).
        var splitDigits = typeof(T) == typeof(ConvertedType);
        var name = known.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = i > 0 && (char.IsUpper(c) || (splitDigits && char.IsDigit(c) && !char.IsDigit(name[i - 1])));
            if (startsWord)
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }
}
