using OrleansSweep.Contracts;
using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Sweeps.Cells;

/// <summary>
/// The worker behind a cell "grain": decodes the command, runs <see cref="CellAnalyzer"/> off the caller's thread,
/// and turns any failure into a "failed" result with its error, so one bad cell never stops a sweep.
/// </summary>
public sealed class CellWorker(IDenseKernels kernels, string workerName, int realizationParallelism = 1) : ICellWorker
{
    private readonly CellAnalyzer analyzer = new(kernels, realizationParallelism);

    public async Task<CellAnalyzed?> AnalyzeAsync(AnalyzeCell command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            var cell = CellCodec.Decode(command.CellJson);
            return await Task.Run(() => analyzer.Analyze(command.SweepId, cell, workerName, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return Failed(command, exception);
        }
    }

    private CellAnalyzed Failed(AnalyzeCell command, Exception exception) => new(
        command.SweepId, command.CellId, command.CellIndex, "failed", $"{exception.GetType().Name}: {exception.Message}",
        new Dictionary<string, double?>(), new Dictionary<string, string>(), new Dictionary<string, double[]>(), workerName, 0);
}
