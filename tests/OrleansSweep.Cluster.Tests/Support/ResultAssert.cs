using OrleansSweep.Contracts;

namespace OrleansSweep.Cluster.Tests.Support;

/// <summary>Exact comparison of cell results: every metric, status and series bit for bit (timing and worker aside).</summary>
internal static class ResultAssert
{
    public static void Identical(IReadOnlyList<CellAnalyzed> expected, IReadOnlyList<CellAnalyzed> actual)
    {
        Assert.Equal(expected.Select(r => r.CellId).Order(StringComparer.Ordinal), actual.Select(r => r.CellId).Order(StringComparer.Ordinal));
        var byId = actual.ToDictionary(r => r.CellId, StringComparer.Ordinal);
        foreach (var want in expected)
        {
            var got = byId[want.CellId];
            Assert.Equal((want.CellIndex, want.Status, want.Error), (got.CellIndex, got.Status, got.Error));
            Assert.Equal(want.Statuses.OrderBy(s => s.Key, StringComparer.Ordinal), got.Statuses.OrderBy(s => s.Key, StringComparer.Ordinal));
            Assert.Equal(want.Metrics.Keys.Order(StringComparer.Ordinal), got.Metrics.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, value) in want.Metrics)
            {
                Assert.True(Bits(value) == Bits(got.Metrics[name]), $"cell {want.CellIndex} metric {name}: {value} (embedded) vs {got.Metrics[name]} (cluster)");
            }

            Assert.Equal(want.Series.Keys.Order(StringComparer.Ordinal), got.Series.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, series) in want.Series)
            {
                Assert.True(series.Select(v => Bits(v)).SequenceEqual(got.Series[name].Select(v => Bits(v))), $"cell {want.CellIndex} series {name} differs");
            }
        }
    }

    private static long? Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v) : null;
}
