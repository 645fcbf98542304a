using System.Diagnostics.Metrics;
using static OrleansSweep.Telemetry.SweepTelemetry;

namespace OrleansSweep.Telemetry;

/// <summary>
/// The instruments of the <see cref="SweepTelemetry.Meter"/>, created once. A separate type so that they are built
/// after the meter (static initialisers of a partial class across files run in no promised order).
/// </summary>
internal static class SweepInstruments
{
    /// <summary>Seconds: a cell takes from milliseconds (CPS theory) to an hour (large gated networks).</summary>
    private static readonly double[] SecondsBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    private static readonly double[] LatencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    /// <summary>Results per store transaction: the coordinator batches at most 256.</summary>
    private static readonly double[] BatchBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256];

    public static readonly Counter<long> CellsCompleted = SweepTelemetry.Meter.CreateCounter<long>(
        Instruments.CellsCompleted, "{cell}", "Cell results recorded by the coordinator with status ok or partial.");

    public static readonly Counter<long> CellsFailed = SweepTelemetry.Meter.CreateCounter<long>(
        Instruments.CellsFailed, "{cell}", "Cell results recorded with status failed.");

    public static readonly Counter<long> CellsRedelivered = SweepTelemetry.Meter.CreateCounter<long>(
        Instruments.CellsRedelivered, "{cell}", "Results that arrived again for a cell already stored (redeliveries, recomputations).");

    public static readonly Histogram<double> CellDuration = SweepTelemetry.Meter.CreateHistogram(
        Instruments.CellDuration, "s", "Wall time of a whole cell on its worker.", tags: null, Advice(SecondsBuckets));

    public static readonly Histogram<double> AnalysisDuration = SweepTelemetry.Meter.CreateHistogram(
        Instruments.AnalysisDuration, "s", "Wall time of one analysis of one realisation (theory: of one cell).", tags: null, Advice(SecondsBuckets));

    public static readonly UpDownCounter<long> CellsInFlight = SweepTelemetry.Meter.CreateUpDownCounter<long>(
        Instruments.CellsInFlight, "{cell}", "Cells being computed now, per worker.");

    public static readonly Histogram<double> QueueWait = SweepTelemetry.Meter.CreateHistogram(
        Instruments.QueueWait, "s", "From a cell's dispatch (or its message's sent time) to its worker starting it.", tags: null, Advice(SecondsBuckets));

    public static readonly Histogram<double> WriteLatency = SweepTelemetry.Meter.CreateHistogram(
        Instruments.WriteLatency, "s", "One batched store transaction of the coordinator.", tags: null, Advice(LatencyBuckets));

    public static readonly Histogram<int> BatchSize = SweepTelemetry.Meter.CreateHistogram(
        Instruments.BatchSize, "{result}", "Results per store transaction of the coordinator.", tags: null,
        new InstrumentAdvice<int> { HistogramBucketBoundaries = [.. BatchBuckets.Select(b => (int)b)] });

    private static InstrumentAdvice<double> Advice(double[] buckets) => new() { HistogramBucketBoundaries = buckets };
}
