using OrleansSweep.Contracts;

namespace OrleansSweep.Sweeps.Cells;

/// <summary>Computes one cell: every realisation, aggregated into one compact result.</summary>
public interface ICellWorker
{
    /// <summary>
    /// Computes the cell. Returns null when cancelled (nothing is reported, the command is not lost: a
    /// resubmission recomputes it); a failing cell is a result with status "failed", never an exception.
    /// </summary>
    Task<CellAnalyzed?> AnalyzeAsync(AnalyzeCell command, CancellationToken cancellationToken);
}
