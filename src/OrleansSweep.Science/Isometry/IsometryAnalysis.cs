using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Isometry;

/// <summary>
/// Dynamical-isometry observables of a discrete network measured on its own trajectory (science.md §B.7, §E S12):
/// q and ⟨h²⟩ (vs q*, Q*), the minimalRNN's ⟨u²⟩, the one-step growth χ of ‖J v‖², the correlation c of two
/// trajectories driven by the same inputs (vs c*), and the mean and variance of the squared singular values of the
/// T-step input–output Jacobian J_T (vs χ^T and the free-probability variance).
/// </summary>
/// <remarks>
/// <para>c* is read off the fitted correlation map c_t ↦ c_{t+1} (<see cref="CorrelationMap"/>), not the plain time
/// average of c_t, which finite N biases upward by 5–10 % at N = 100–200 in the chaotic phase.</para>
/// <para>Protocol: two states a, b from independent initial streams (scale s) run with the same weights and inputs
/// (inputs and untied weights are pure functions of t). After <see cref="IsometryOptions.TransientSteps"/> the
/// observables are averaged over <see cref="IsometryOptions.AveragingSteps"/>; then J_T = J_{t0+T−1}···J_{t0} is formed
/// densely by carrying the identity through T tangent steps along a (T·D³ flops), and its squared singular values —
/// the eigenvalues of G = J_TᵀJ_T — give mean tr G / D and variance ‖G‖_F² / D − mean² without an eigensolve.</para>
/// <para>The mean field assumes untied weights (§B.7): with tied W (untied = 0) expect deviations growing with σ_w and T
/// (about 1 % per step at σ_w² = 1.5). q and c need the pre-activation e = W h + V x + b, defined for vanilla and
/// minimal; ⟨u²⟩ is minimal only; GRU and LSTM report χ, ⟨h²⟩ and the J_T moments (no CPS theory). Flows are not
/// applicable. Divergence (a component beyond the threshold) and cancellation are outcomes, not exceptions.</para>
/// </remarks>
public static class IsometryAnalysis
{
    public static IsometryResult Run(
        IRecurrentNetwork network, RandomStream initialA, RandomStream initialB, RandomStream probes, IsometryOptions options,
        IDenseKernels kernels, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(initialA);
        ArgumentNullException.ThrowIfNull(initialB);
        ArgumentNullException.ThrowIfNull(probes);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(kernels);
        options.Validate();
        if (network.Time != TimeKind.Discrete)
        {
            return IsometryResult.Failed(AnalysisOutcome.NotApplicable("dynamical isometry is defined for the discrete models (vanilla, minimal, gru, lstm)"), options.Steps);
        }

        try
        {
            return Measure(network, initialA, initialB, probes, options, kernels, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return IsometryResult.Failed(AnalysisOutcome.Cancelled, options.Steps);
        }
    }

    private static IsometryResult Measure(
        IRecurrentNetwork network, RandomStream initialA, RandomStream initialB, RandomStream probes, IsometryOptions options,
        IDenseKernels kernels, CancellationToken ct)
    {
        var d = network.Dimension;
        var n = network.Units;
        var cps = network as CpsNetwork;
        var minimal = network.Family == ModelFamily.Minimal;
        var muB = network.Parameters.TryGetValue("muB", out var mu) ? mu : 0;
        var (a, b, next, probe, image) = (new double[d], new double[d], new double[d], new double[d], new double[d]);
        var (ea, eb) = (new double[n], new double[n]);
        network.InitialState(initialA, options.InitialScale, a);
        network.InitialState(initialB, options.InitialScale, b);

        long t = 0;
        for (; t < options.TransientSteps; t++)
        {
            ct.ThrowIfCancellationRequested();
            Step(network, t, ref a, ref next);
            Step(network, t, ref b, ref next);
            if (Diverged(a, options) || Diverged(b, options))
            {
                return IsometryResult.Failed(AnalysisOutcome.Diverged($"a state component left ±{options.DivergenceThreshold:G3} at step {t}"), options.Steps);
            }
        }

        double q = 0, h2 = 0, u2 = 0, growth = 0, lastCorrelation = double.NaN;
        var correlations = new List<double>(options.AveragingSteps);
        for (var k = 0; k < options.AveragingSteps; k++, t++)
        {
            ct.ThrowIfCancellationRequested();
            probes.Fork((ulong)k).FillGaussian(probe);
            network.JacobianTimes(t, a, probe, 1, image);
            growth += Dot(image, image) / Dot(probe, probe);
            h2 += Dot(a.AsSpan(0, n), a.AsSpan(0, n)) / n;
            if (cps is not null)
            {
                cps.PreActivation(t, a, ea);
                cps.PreActivation(t, b, eb);
                double aa = 0, bb = 0, ab = 0, gate = 0;
                for (var i = 0; i < n; i++)
                {
                    var (x, y) = (ea[i] - muB, eb[i] - muB);
                    aa += x * x;
                    bb += y * y;
                    ab += x * y;
                    var u = 1 / (1 + Math.Exp(-ea[i]));
                    gate += u * u;
                }

                q += aa / n;
                u2 += gate / n;
                lastCorrelation = ab / Math.Sqrt(aa * bb);
                correlations.Add(lastCorrelation);
            }

            Step(network, t, ref a, ref next);
            Step(network, t, ref b, ref next);
            if (Diverged(a, options) || Diverged(b, options))
            {
                return IsometryResult.Failed(AnalysisOutcome.Diverged($"a state component left ±{options.DivergenceThreshold:G3} at step {t}"), options.Steps);
            }
        }

        double mean = 0, variance = 0;
        for (var sample = 0; sample < options.Samples; sample++)
        {
            var (m, v) = ProductJacobianMoments(network, t, a, options.Steps, kernels, ct);
            mean += m / options.Samples;
            variance += v / options.Samples;
            for (var s = 0; s < options.Steps; s++, t++)
            {
                Step(network, t, ref a, ref next);
            }
        }

        var count = options.AveragingSteps;
        return new IsometryResult
        {
            Outcome = double.IsFinite(mean) && double.IsFinite(variance)
                ? AnalysisOutcome.Converged
                : AnalysisOutcome.Diverged($"the {options.Steps}-step Jacobian overflowed"),
            PreActivationVariance = cps is null ? double.NaN : q / count,
            StateSecondMoment = h2 / count,
            GateSecondMoment = minimal ? u2 / count : double.NaN,
            OneStepGrowth = growth / count,
            Correlation = cps is null ? double.NaN : CorrelationMap.FixedPoint(correlations),
            FinalCorrelation = lastCorrelation,
            JacobianMean = mean,
            JacobianVariance = variance,
            Steps = options.Steps,
        };
    }

    /// <summary>
    /// Mean and variance of the squared singular values of J_T along the trajectory from (t, x): the identity carried
    /// through T tangent steps, then G = J_TᵀJ_T (upper triangle) with tr G / D and ‖G‖_F² / D − mean².
    /// </summary>
    private static (double Mean, double Variance) ProductJacobianMoments(
        IRecurrentNetwork network, long t, double[] start, int steps, IDenseKernels kernels, CancellationToken ct)
    {
        var d = network.Dimension;
        var x = (double[])start.Clone();
        var next = new double[d];
        var basis = new double[d * d];
        var image = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            basis[(i * d) + i] = 1;
        }

        for (var s = 0; s < steps; s++, t++)
        {
            ct.ThrowIfCancellationRequested();
            network.JacobianTimes(t, x, basis, d, image);
            (basis, image) = (image, basis);
            Step(network, t, ref x, ref next);
        }

        var gram = image; // free now: reuse as G
        kernels.Gram(basis, d, d, gram);
        double trace = 0, frobenius = 0;
        for (var i = 0; i < d; i++)
        {
            var g = gram[(i * d) + i];
            trace += g;
            frobenius += g * g;
            for (var j = i + 1; j < d; j++)
            {
                var off = gram[(i * d) + j];
                frobenius += 2 * off * off;
            }
        }

        var mean = trace / d;
        return (mean, (frobenius / d) - (mean * mean));
    }

    private static void Step(IRecurrentNetwork network, long t, ref double[] x, ref double[] next)
    {
        network.Evaluate(t, x, next);
        (x, next) = (next, x);
    }

    private static bool Diverged(double[] x, IsometryOptions options)
    {
        foreach (var value in x)
        {
            if (!(Math.Abs(value) <= options.DivergenceThreshold))
            {
                return true;
            }
        }

        return false;
    }

    private static double Dot(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        double sum = 0;
        for (var i = 0; i < u.Length; i++)
        {
            sum += u[i] * v[i];
        }

        return sum;
    }
}
