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

    /// <summary>Seconds in an executor queue: from nothing (a free thread) to hours (a big sweep on one silo).</summary>
    private static readonly double[] WaitBuckets = [0.0001, 0.001, 0.01, 0.1, 1, 10, 60, 600, 3600];

    public static readonly Counter<long> CellsCompleted = SweepTelemetry.Meter.CreateCounter<long>(
        Instruments.CellsCompleted, "{cell}", "Cells counted by their sweep grain with status ok or partial.");

    public static readonly Counter<long> CellsFailed = SweepTelemetry.Meter.CreateCounter<long>(
        Instruments.CellsFailed, "{cell}", "Cells counted by their sweep grain with status failed.");

    public static readonly Counter<long> CellsReportedAgain = SweepTelemetry.Meter.CreateCounter<long>(
        Instruments.CellsReportedAgain, "{report}", "Reports of a cell its sweep grain had already counted.");

    public static readonly Histogram<double> CellDuration = SweepTelemetry.Meter.CreateHistogram(
        Instruments.CellDuration, "s", "Wall time of a whole cell on its silo's executor.", tags: null, Advice(SecondsBuckets));

    public static readonly Histogram<double> AnalysisDuration = SweepTelemetry.Meter.CreateHistogram(
        Instruments.AnalysisDuration, "s", "Wall time of one analysis of one realisation (theory: of one cell).", tags: null, Advice(SecondsBuckets));

    public static readonly UpDownCounter<long> CellsInFlight = SweepTelemetry.Meter.CreateUpDownCounter<long>(
        Instruments.CellsInFlight, "{cell}", "Cells being computed now, per silo.");

    public static readonly Histogram<double> QueueWait = SweepTelemetry.Meter.CreateHistogram(
        Instruments.QueueWait, "s", "From a cell grain handing its cell to the silo's executor to a thread picking it up.", tags: null, Advice(WaitBuckets));

    private static InstrumentAdvice<double> Advice(double[] buckets) => new() { HistogramBucketBoundaries = buckets };
}
