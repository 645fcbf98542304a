using OrleansSweep.Contracts;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Output;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Grains.Client;

/// <summary>Writes a sweep's outputs on the side that asks for them: the phase map, spectra, boundary, pictures and report.</summary>
public static class SweepOutputs
{
    /// <summary>Writes every output of a completed sweep into <paramref name="outputFolder"/>; returns the phase map's path.</summary>
    /// <remarks>
    /// A plain sweep needs one result per grid cell. A refined sweep needs every computed cell (coarse and children,
    /// each with its refinement index): every coarse cell present, and a finished refinement (nothing more due).
    /// </remarks>
    /// <exception cref="InvalidOperationException">The results are not those of a completed sweep; the message says what is missing.</exception>
    public static Task<string> WriteAsync(ValidatedSweep sweep, string outputFolder, IReadOnlyList<CellAnalyzed> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        var plan = SweepPlanner.Plan(sweep, outputFolder, cancellationToken);
        if (plan.Refinement is not null)
        {
            RefinementOutputs.RequireComplete(plan, results, cancellationToken);
        }
        else if (results.Count != plan.Cells.Count)
        {
            throw new InvalidOperationException($"The sweep has {plan.Cells.Count} cells but {results.Count} results were read: it is not complete.");
        }

        return new PhaseMapFinisher(DenseKernels.Default.Name).FinishAsync(plan, results, cancellationToken);
    }
}
