using System.Globalization;
using System.Text;
using OrleansSweep.Sweeps.Output;

namespace OrleansSweep.Sweeps.Tests.Output.ParquetFiles;

/// <summary>
/// Checks a Parquet file against the table it was written from, as DuckDB reads it: schema (physical type,
/// repetition, string annotation), every value and null in order, the key-value metadata, and each row group's
/// statistics against values recomputed here from the expected table.
/// </summary>
internal static class DuckDbAssert
{
    /// <param name="path">The file.</param>
    /// <param name="expected">The columns as they should read back (NaN already replaced by null where it must be).</param>
    /// <param name="rows">Row count.</param>
    /// <param name="metadata">Expected key-value metadata, exactly.</param>
    /// <param name="rowGroupSize">Rows per row group the writer promises.</param>
    public static void FileHolds(string path, IReadOnlyList<PhaseMapColumn> expected, int rows, IReadOnlyDictionary<string, string> metadata, int rowGroupSize)
    {
        var file = DuckDb.Literal(path);
        Schema(file, expected);
        Values(file, expected, rows);
        Metadata(file, metadata);
        Statistics(file, expected, rows, rowGroupSize);
    }

    private static void Schema(string file, IReadOnlyList<PhaseMapColumn> expected)
    {
        var schema = DuckDb.Query($"select name, type, repetition_type, converted_type from parquet_schema({file}) where num_children is null");
        Assert.Equal(expected.Select(c => c.Name), schema.Select(r => (string)r[0]!));
        for (var i = 0; i < expected.Count; i++)
        {
            var (type, converted) = expected[i].Type switch
            {
                ColumnType.Int32 => ("INT32", (string?)null),
                ColumnType.Double => ("DOUBLE", null),
                ColumnType.Boolean => ("BOOLEAN", null),
                _ => ("BYTE_ARRAY", "UTF8"),
            };
            Assert.Equal(type, schema[i][1]);
            Assert.Equal(expected[i].Nullable ? "OPTIONAL" : "REQUIRED", schema[i][2]);
            if (converted is not null)
            {
                Assert.Equal(converted, schema[i][3]);
            }
        }
    }

    private static void Values(string file, IReadOnlyList<PhaseMapColumn> expected, int rows)
    {
        var read = DuckDb.Query($"select * from read_parquet({file})");
        Assert.Equal(rows, read.Count);
        for (var c = 0; c < expected.Count; c++)
        {
            for (var r = 0; r < rows; r++)
            {
                var want = expected[c].Values.GetValue(r);
                var got = read[r][c];
                Assert.True(Equals(want, got), $"{expected[c].Name}[{r}]: expected {want ?? "null"}, DuckDB read {got ?? "null"}");
            }
        }
    }

    private static void Metadata(string file, IReadOnlyDictionary<string, string> metadata)
    {
        var pairs = DuckDb.Query($"select decode(key), decode(value) from parquet_kv_metadata({file})")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.Ordinal);
        Assert.Equal(metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal), pairs.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    private static void Statistics(string file, IReadOnlyList<PhaseMapColumn> expected, int rows, int rowGroupSize)
    {
        var stats = DuckDb.Query(
            $"select row_group_id, path_in_schema, row_group_num_rows, stats_null_count, stats_min_value, stats_max_value from parquet_metadata({file}) order by row_group_id, column_id");
        var groups = (rows + rowGroupSize - 1) / rowGroupSize;
        Assert.Equal(groups * expected.Count, stats.Count);
        var i = 0;
        for (var g = 0; g < groups; g++)
        {
            var start = g * rowGroupSize;
            var count = Math.Min(rowGroupSize, rows - start);
            foreach (var column in expected)
            {
                var row = stats[i++];
                Assert.Equal(column.Name, row[1]);
                Assert.Equal((long)count, Convert.ToInt64(row[2], CultureInfo.InvariantCulture));
                var present = Enumerable.Range(start, count).Select(r => column.Values.GetValue(r)).Where(v => v is not null).ToList();
                Assert.Equal((long)(count - present.Count), Convert.ToInt64(row[3], CultureInfo.InvariantCulture));
                var (min, max) = ((string?)row[4], (string?)row[5]);
                if (present.Count == 0)
                {
                    // Parquet.Net 6.1.0 writes min = max = default(T) for an all-null chunk (pinned in
                    // ParquetNetDefectsTests); readers that trust null_count = num_values are right regardless.
                    continue;
                }

                switch (column.Type)
                {
                    case ColumnType.Double:
                        var doubles = present.Cast<double>().ToList();
                        if ((min is null || max is null) && doubles.Any(double.IsInfinity))
                        {
                            // Parquet.Net 6.1.0 leaves min/max out of a chunk holding ±∞ (DuckDB then reads the finite one alone):
                            // less pruning, never a wrong answer. The present bound must still be right.
                            if (min is not null)
                            {
                                Equal(doubles.Min(), ParseDouble(min, column.Name), column.Name);
                            }

                            if (max is not null)
                            {
                                Equal(doubles.Max(), ParseDouble(max, column.Name), column.Name);
                            }

                            break;
                        }

                        Equal(doubles.Min(), ParseDouble(min, column.Name), column.Name);
                        Equal(doubles.Max(), ParseDouble(max, column.Name), column.Name);
                        break;
                    case ColumnType.Boolean:
                        // Parquet.Net 6.1.0 writes no min/max for BOOLEAN chunks (DuckDB reads null): no pruning, never a
                        // wrong answer. Bounds that are present must be right.
                        var flags = present.Cast<bool>().ToList();
                        if (min is not null)
                        {
                            Assert.Equal(flags.Min() ? "true" : "false", min);
                        }

                        if (max is not null)
                        {
                            Assert.Equal(flags.Max() ? "true" : "false", max);
                        }

                        break;
                    case ColumnType.Int32:
                        var ints = present.Cast<int>().ToList();
                        Assert.Equal(ints.Min().ToString(CultureInfo.InvariantCulture), min);
                        Assert.Equal(ints.Max().ToString(CultureInfo.InvariantCulture), max);
                        break;
                    default:
                        // Parquet orders strings by their UTF-8 bytes; the product's ids and statuses are ASCII.
                        var strings = present.Cast<string>().Order(StringComparer.Ordinal).ToList();
                        Assert.All(strings, s => Assert.True(Ascii.IsValid(s), $"{column.Name}: '{s}' is not ASCII"));
                        Assert.Equal(strings[0], min);
                        Assert.Equal(strings[^1], max);
                        break;
                }
            }
        }
    }

    private static double ParseDouble(string? text, string column) => text switch
    {
        null => throw new Xunit.Sdk.XunitException($"{column}: a chunk with values has no min/max statistic"),
        "inf" or "Infinity" => double.PositiveInfinity,
        "-inf" or "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(text!, CultureInfo.InvariantCulture),
    };

    private static void Equal(double expected, double actual, string column) =>
        Assert.True(expected.Equals(actual), $"{column}: statistic {actual:R}, recomputed {expected:R}");
}
