using OrleansSweep.Contracts;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Output;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Grains.Client;

/// <summary>Writes a sweep's outputs on the side that asks for them: the phase map, spectra, pictures and report.</summary>
public static class SweepOutputs
{
    /// <summary>Writes every output of a completed sweep into <paramref name="outputFolder"/>; returns the phase map's path.</summary>
    public static Task<string> WriteAsync(ValidatedSweep sweep, string outputFolder, IReadOnlyList<CellAnalyzed> results, CancellationToken cancellationToken)
    {
        var plan = SweepPlanner.Plan(sweep, outputFolder, cancellationToken);
        if (results.Count != plan.Cells.Count)
        {
            throw new InvalidOperationException($"The sweep has {plan.Cells.Count} cells but {results.Count} results were read: it is not complete.");
        }

        return new PhaseMapFinisher(DenseKernels.Default.Name).FinishAsync(plan, results, cancellationToken);
    }
}
