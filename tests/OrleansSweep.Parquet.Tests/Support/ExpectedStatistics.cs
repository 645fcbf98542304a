using System.Text;

namespace OrleansSweep.Parquet.Tests.Support;

/// <summary>A chunk's statistics as the test works them out from the values (independently of the writer).</summary>
/// <param name="Min">Null when there is no bound to expect (no orderable value, or a string bound over 64 bytes).</param>
public sealed record ExpectedChunkStatistics(long NullCount, object? Min, object? Max)
{
    /// <summary>The writer's documented limit on string bounds (Utf8Values.MaxBoundBytes).</summary>
    public const int MaxStringBoundBytes = 64;

    public static ExpectedChunkStatistics Of(ParquetType type, ReadOnlySpan<object?> values)
    {
        var present = new List<object>();
        foreach (var value in values)
        {
            if (value is not null)
            {
                present.Add(value);
            }
        }

        var nullCount = values.Length - present.Count;
        var (min, max) = type switch
        {
            ParquetType.Int32 => Bounds(present.Cast<int>().Select(v => (long)v).ToList(), v => (object)(int)v),
            ParquetType.Int64 => Bounds(present.Cast<long>().ToList(), v => v),
            ParquetType.Boolean => present.Count == 0
                ? (null, null)
                : ((object?)present.Cast<bool>().All(v => v), (object?)present.Cast<bool>().Any(v => v)),
            ParquetType.Double => DoubleBounds(present.Cast<double>()),
            ParquetType.Utf8 => StringBounds(present.Cast<string>()),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
        return new ExpectedChunkStatistics(nullCount, min, max);
    }

    private static (object?, object?) Bounds(List<long> values, Func<long, object> box) =>
        values.Count == 0 ? (null, null) : (box(values.Min()), box(values.Max()));

    // parquet.thrift ColumnOrder notes: NaN never a bound; a zero min is -0.0 and a zero max is +0.0.
    private static (object?, object?) DoubleBounds(IEnumerable<double> values)
    {
        var ordered = values.Where(v => !double.IsNaN(v)).ToList();
        if (ordered.Count == 0)
        {
            return (null, null);
        }

        var min = ordered.Min();
        var max = ordered.Max();
        return (min == 0 ? -0.0 : min, max == 0 ? 0.0 : max);
    }

    // UTF8 TYPE_ORDER: unsigned byte-wise comparison of the UTF-8 encodings.
    private static (object?, object?) StringBounds(IEnumerable<string> values)
    {
        var encoded = values.Select(v => (Text: v, Bytes: Encoding.UTF8.GetBytes(v))).ToList();
        if (encoded.Count == 0)
        {
            return (null, null);
        }

        var min = encoded.Aggregate((a, b) => a.Bytes.AsSpan().SequenceCompareTo(b.Bytes) <= 0 ? a : b);
        var max = encoded.Aggregate((a, b) => a.Bytes.AsSpan().SequenceCompareTo(b.Bytes) >= 0 ? a : b);
        return min.Bytes.Length <= MaxStringBoundBytes && max.Bytes.Length <= MaxStringBoundBytes
            ? (min.Text, max.Text)
            : (null, null);
    }
}
