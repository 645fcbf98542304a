using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Spectra;

/// <summary>
/// Eigen-spectra of state-to-state Jacobians: at a given state, or sampled along a network's attractor, with the
/// random-matrix prediction of the same state (§B.1, §B.2, §B.6).
/// </summary>
/// <remarks>
/// Flows (rate, gated) are diagonalised through the vector field's Jacobian, maps (vanilla, minimal, GRU, LSTM) through
/// the map's. One dense nonsymmetric eigensolve per sample: O(dim³), about 5 s for dim = 900 with managed kernels
/// (§E), so the gated family (dim = 3N) is the expensive one. Outcomes: a non-finite or out-of-range state during the
/// transient ⇒ Diverged; the token (checked every 64 steps and before each eigensolve) ⇒ Cancelled; an eigensolver
/// failure ⇒ NotConverged with the samples gathered so far. Deterministic for given inputs and kernels.
/// </remarks>
public static class JacobianSpectrum
{
    private const int CancellationStride = 64;

    /// <summary>The spectrum of <paramref name="system"/>'s Jacobian at (t, state) (one sample).</summary>
    public static SpectrumResult AtState(
        IDynamicalSystem system, ReadOnlySpan<double> state, long t, SpectrumOptions options, IDenseKernels kernels,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(kernels);
        options.Validate();
        if (state.Length != system.Dimension)
        {
            throw new ArgumentException($"The state has {state.Length} components, the system {system.Dimension}.", nameof(state));
        }

        var sampler = new SpectrumSampler(system, options, kernels);
        if (ct.IsCancellationRequested)
        {
            return sampler.Result(AnalysisOutcome.Cancelled);
        }

        return sampler.Result(sampler.Sample(state, t)
            ? AnalysisOutcome.Converged
            : AnalysisOutcome.NotConverged("the eigensolver did not converge"));
    }

    /// <summary>
    /// Runs the network's step map from a random initial state through the transient, then diagonalises the
    /// Jacobian at <see cref="SpectrumOptions.Samples"/> states <see cref="SpectrumOptions.SampleSpacing"/> apart.
    /// </summary>
    public static SpectrumResult OnAttractor(
        IRecurrentNetwork network, RandomStream initial, SpectrumOptions options, IDenseKernels kernels, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(kernels);
        options.Validate();
        var map = network.StepMap;
        var x = new double[network.Dimension];
        var next = new double[network.Dimension];
        network.InitialState(initial, options.InitialStateScale, x);
        var sampler = new SpectrumSampler(network, options, kernels);
        var transient = (long)Math.Round(options.TransientTime / map.TimeStep);
        var spacing = Math.Max(1L, (long)Math.Round(options.SampleSpacing / map.TimeStep));
        long t = 0;
        for (var sample = 0; sample < options.Samples; sample++)
        {
            var steps = sample == 0 ? transient : spacing;
            for (long s = 0; s < steps; s++, t++)
            {
                if (s % CancellationStride == 0 && ct.IsCancellationRequested)
                {
                    return sampler.Result(AnalysisOutcome.Cancelled);
                }

                map.Evaluate(t, x, next);
                if (!IsBounded(next, options.DivergenceThreshold))
                {
                    return sampler.Result(AnalysisOutcome.Diverged(
                        $"the state left the bounded range at t = {(t + 1) * map.TimeStep}"));
                }

                (x, next) = (next, x);
            }

            if (ct.IsCancellationRequested)
            {
                return sampler.Result(AnalysisOutcome.Cancelled);
            }

            if (!sampler.Sample(x, t))
            {
                return sampler.Result(AnalysisOutcome.NotConverged($"the eigensolver did not converge at sample {sample}"));
            }
        }

        return sampler.Result(AnalysisOutcome.Converged);
    }

    private static bool IsBounded(ReadOnlySpan<double> v, double threshold)
    {
        foreach (var value in v)
        {
            if (!(Math.Abs(value) <= threshold))
            {
                return false;
            }
        }

        return true;
    }
}
