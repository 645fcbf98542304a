using System.Numerics;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.Spectra;

/// <summary>Eigenvalue statistics of a Jacobian at one or several states, pooled, with the random-matrix prediction.</summary>
/// <remarks>
/// <see cref="Time"/> says which Jacobian was diagonalised: continuous ⇒ the vector field's (stability edge = the
/// spectral abscissa max Re λ; slow modes |λ| &lt; ε); discrete ⇒ the map's (stability edge = the spectral radius
/// max |λ|; slow modes |1 − λ| &lt; ε). Per-sample numbers are listed; the pooled ones are means over samples (counts)
/// or the pooled fraction. Predicted numbers are means over samples of the per-state predictions, NaN when the
/// model has none. When <see cref="Outcome"/> is not usable, the statistics are NaN.
/// </remarks>
public sealed record SpectrumResult
{
    public required AnalysisOutcome Outcome { get; init; }

    public required TimeKind Time { get; init; }

    /// <summary>The size of each Jacobian (the state dimension).</summary>
    public required int Dimension { get; init; }

    /// <summary>The states actually diagonalised.</summary>
    public required int SampleCount { get; init; }

    /// <summary>All eigenvalues, sample after sample (null when not kept).</summary>
    public required IReadOnlyList<Complex>? Eigenvalues { get; init; }

    /// <summary>Mean over samples of max |λ|.</summary>
    public required double SpectralRadius { get; init; }

    /// <summary>Mean over samples of max Re λ.</summary>
    public required double SpectralAbscissa { get; init; }

    /// <summary>Mean over samples of the number of slow eigenvalues.</summary>
    public required double SlowModeCount { get; init; }

    /// <summary>Slow eigenvalues over all eigenvalues, pooled over samples.</summary>
    public required double SlowModeFraction { get; init; }

    /// <summary>Mean over samples of max |λ − c| with c the predicted disk centre, isolated eigenvalues excluded (NaN when no disk).</summary>
    public required double MeasuredDiskRadius { get; init; }

    public required IReadOnlyList<double> SampleRadii { get; init; }

    public required IReadOnlyList<double> SampleAbscissae { get; init; }

    public required IReadOnlyList<int> SampleSlowModeCounts { get; init; }

    /// <summary>The prediction at each sampled state (empty when the model has none).</summary>
    public required IReadOnlyList<RandomMatrixPrediction> Predictions { get; init; }

    /// <summary>Mean predicted spectral abscissa.</summary>
    public required double PredictedAbscissa { get; init; }

    /// <summary>Mean predicted spectral radius.</summary>
    public required double PredictedRadius { get; init; }

    /// <summary>Mean predicted bulk edge (rightmost real point of the continuous support).</summary>
    public required double PredictedBulkEdge { get; init; }

    /// <summary>Mean predicted disk radius (NaN when the prediction is no disk).</summary>
    public required double PredictedDiskRadius { get; init; }

    /// <summary>Mean predicted number of slow modes.</summary>
    public required double PredictedSlowModeCount { get; init; }

    public required double SlowModeEpsilon { get; init; }

    /// <summary>The dense-kernel implementation used ("openblas" or "managed").</summary>
    public required string Kernels { get; init; }
}
