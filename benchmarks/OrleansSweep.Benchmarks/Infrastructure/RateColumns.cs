using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace OrleansSweep.Benchmarks.Infrastructure;

/// <summary>GFLOP/s from the median time and the method's <see cref="FlopsAttribute"/>; "-" for methods without one.</summary>
public sealed class GflopsColumn : IColumn
{
    public string Id => "Gflops";

    public string ColumnName => "GFLOP/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Nominal flops / median time (GEMM 2N²K, GEMV 2N², QR 4mk²−4k³/3, LU 2N³/3+2N²)";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var attribute = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<FlopsAttribute>();
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        if (attribute is null || median is not > 0)
        {
            return "-";
        }

        var n = Parameter(benchmarkCase, "N");
        var k = Parameter(benchmarkCase, "K") ?? n;
        return n is null ? "-" : (attribute.Count(n.Value, k!.Value) / median.Value).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static int? Parameter(BenchmarkCase benchmarkCase, string name) =>
        benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == name)?.Value is int value ? value : null;
}

/// <summary>Units of work per second from the median time and the method's <see cref="ThroughputAttribute"/>.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => "Throughput";

    public string ColumnName => "Work/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 11;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Units of work (e.g. Newton starts) per second at the median time";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var attribute = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<ThroughputAttribute>();
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        return attribute is null || median is not > 0
            ? "-"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{attribute.PerOperation / (median.Value * 1e-9):F1} {attribute.Unit}/s");
    }
}
