using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace OrleansSweep.Benchmarks.Infrastructure;

/// <summary>
/// The suite's configuration: one short in-process job (2 warm-ups, 7 measured iterations of ≥ 250 ms), medians,
/// GFLOP/s and work/s columns, allocations per operation, CSV (ms, no units in cells) + GitHub Markdown reports.
/// </summary>
/// <remarks>
/// In-process on purpose: BenchmarkDotNet's default toolchain rebuilds the solution's projects for every run, which
/// on this shared machine would race other builds in the same obj/ folders (the repository serialises builds through
/// <c>dn</c>). The whole-cell classes lower the iteration count with attributes, since one operation takes seconds.
/// </remarks>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(7)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("short-inproc"));
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddColumn(StatisticColumn.Median, new GflopsColumn(), new ThroughputColumn());
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogger(ConsoleLogger.Default);
        // CSV in milliseconds without units in the cells, for benchmarks/summarize.py.
        var csvStyle = new SummaryStyle(
            cultureInfo: CultureInfo.InvariantCulture, printUnitsInHeader: true, printUnitsInContent: false,
            timeUnit: TimeUnit.Millisecond, sizeUnit: SizeUnit.KB);
        AddExporter(new CsvExporter(CsvSeparator.Comma, csvStyle), MarkdownExporter.GitHub);
        WithOptions(ConfigOptions.DisableLogFile);
    }
}
