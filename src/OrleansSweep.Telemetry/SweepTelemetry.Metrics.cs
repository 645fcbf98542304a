namespace OrleansSweep.Telemetry;

public static partial class SweepTelemetry
{
    private const string UnknownModel = "unknown";

    /// <summary>A cell the sweep grain counted for the first time: completed (ok, partial) or failed.</summary>
    public static void RecordCellRecorded(string? model, string status)
    {
        var modelTag = new KeyValuePair<string, object?>(Attributes.Model, model ?? UnknownModel);
        if (status == Statuses.Failed)
        {
            SweepInstruments.CellsFailed.Add(1, modelTag);
        }
        else
        {
            SweepInstruments.CellsCompleted.Add(1, modelTag, new KeyValuePair<string, object?>(Attributes.Status, status));
        }
    }

    /// <summary>A report of a cell the sweep grain had already counted.</summary>
    public static void RecordReportedAgain() => SweepInstruments.CellsReportedAgain.Add(1);

    /// <summary>A whole cell on a silo's executor.</summary>
    public static void RecordCellDuration(string? model, string status, TimeSpan elapsed) =>
        SweepInstruments.CellDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(Attributes.Model, model ?? UnknownModel),
            new KeyValuePair<string, object?>(Attributes.Status, status));

    /// <summary>One analysis of one realisation (or a cell's theory).</summary>
    public static void RecordAnalysisDuration(string? model, string analysis, string status, TimeSpan elapsed) =>
        SweepInstruments.AnalysisDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(Attributes.Model, model ?? UnknownModel),
            new KeyValuePair<string, object?>(Attributes.Analysis, analysis),
            new KeyValuePair<string, object?>(Attributes.Status, status));

    /// <summary>How long a cell waited in a silo's executor queue before a thread picked it up.</summary>
    public static void RecordQueueWait(string worker, TimeSpan wait) =>
        SweepInstruments.QueueWait.Record(wait.TotalSeconds, new KeyValuePair<string, object?>(Attributes.Worker, worker));

    /// <summary>Counts a cell in flight on <paramref name="worker"/> until the returned scope is disposed.</summary>
    public static InFlightScope BeginInFlight(string worker)
    {
        var tag = new KeyValuePair<string, object?>(Attributes.Worker, worker);
        SweepInstruments.CellsInFlight.Add(1, tag);
        return new InFlightScope(tag);
    }
}

/// <summary>Ends one cell's <see cref="SweepTelemetry.BeginInFlight"/>.</summary>
public readonly struct InFlightScope : IDisposable
{
    private readonly KeyValuePair<string, object?> worker;

    internal InFlightScope(KeyValuePair<string, object?> worker) => this.worker = worker;

    public void Dispose() => SweepInstruments.CellsInFlight.Add(-1, worker);
}
