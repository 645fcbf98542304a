namespace OrleansSweep.Contracts.Grains;

/// <summary>
/// One sweep, keyed by its sweep id. Dispatches the cells with a bounded window, counts each exactly once, persists
/// compact progress, honours cancel and fail-fast, and resumes from its stored state when re-activated.
/// </summary>
[Alias("OrleansSweep.ISweepGrain")]
public interface ISweepGrain : IGrainWithGuidKey
{
    /// <summary>Starts or resumes the sweep; returns at once with its status.</summary>
    /// <exception cref="ArgumentException">The spec does not validate, or belongs to another sweep id.</exception>
    [Alias("Start")]
    Task<SweepStatus> StartAsync(StartSweep command);

    /// <summary>
    /// Hands up to <paramref name="count"/> uncounted cells to a silo with free threads (the pull model: cells go where
    /// there is capacity, so silos stay busy until the last cells and a silo with more cores takes more).
    /// </summary>
    [Alias("TakeCells")]
    Task<IReadOnlyList<AnalyzeCell>> TakeCellsAsync(string worker, int count);

    /// <summary>A cell grain's report; acknowledged once counted (the result itself is already durable).</summary>
    [Alias("Report")]
    Task ReportAsync(CellAnalyzed result);

    [Alias("GetStatus")]
    Task<SweepStatus> GetStatusAsync();

    /// <summary>Stops dispatching and cancels running cells; stored results stay, a new start resumes.</summary>
    [Alias("Cancel")]
    Task<SweepStatus> CancelAsync(string reason);

    /// <summary>The stored results of cells <paramref name="offset"/> … <paramref name="offset"/> + <paramref name="count"/> − 1.</summary>
    [Alias("GetResults")]
    Task<ResultPage> GetResultsAsync(int offset, int count);
}
