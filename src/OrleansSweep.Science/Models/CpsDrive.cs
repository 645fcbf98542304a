using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Models;

/// <summary>
/// The part shared by the two CPS networks (§A.5, §A.6): recurrent weights W, input weights V, biases b, the inputs
/// x_t and the untied (annealed) mode, giving the pre-activation e_t = W_t h + V_t x_t + b.
/// </summary>
/// <remarks>
/// Draw order (each from its own child of the Network stream): W = Fork(0) (N×N row-major, N(0, σ_w²/N), or
/// σ_w × Haar orthogonal from the QR of that Gaussian matrix), V = Fork(1) (N×N, N(0, σ_v²/N); drawn only when inputs
/// enter, σ_v² &gt; 0 and R &gt; 0), b = Fork(2) (N values, N(μ_b, σ_b²)). Inputs: x_t = Inputs.Fork(t), N values
/// N(0, R). Untied: W_t = UntiedWeights.Fork(t).Fork(0), V_t = UntiedWeights.Fork(t).Fork(1), same ensembles; the
/// quenched W, V are still drawn (they are the tied network of the same realisation) but unused; b stays quenched.
/// The step-dependent arrays are cached for the last t asked, so Evaluate and Jacobian at the same t draw once.
/// </remarks>
internal sealed class CpsDrive
{
    private readonly int n;
    private readonly double sigmaW;
    private readonly double sigmaV;
    private readonly double inputScale;
    private readonly bool orthogonal;
    private readonly IDenseKernels kernels;
    private readonly RandomStream inputs;
    private readonly RandomStream untiedWeights;
    private readonly double[] w;
    private readonly double[] v;
    private readonly double[] b;
    private readonly double[] x;
    private readonly double[] wStep;
    private readonly double[] vStep;
    private readonly double[] rScratch;
    private long? inputStep;
    private long? weightStep;

    public CpsDrive(int n, IReadOnlyDictionary<string, double> parameters, NetworkStreams streams, IDenseKernels kernels)
    {
        this.n = n;
        this.kernels = kernels;
        sigmaW = Math.Sqrt(parameters["sigmaW2"]);
        sigmaV = Math.Sqrt(parameters["sigmaV2"]);
        var r = parameters["R"];
        inputScale = Math.Sqrt(r);
        HasInput = r > 0;
        InputEntersPreActivation = HasInput && sigmaV > 0;
        orthogonal = parameters["weights"] == 1.0;
        IsUntied = ParameterValues.Flag(parameters, "untied");
        inputs = streams.Inputs;
        untiedWeights = streams.UntiedWeights;

        rScratch = orthogonal ? new double[n * n] : [];
        w = new double[n * n];
        DrawRecurrent(streams.Network, w);
        v = InputEntersPreActivation ? new double[n * n] : [];
        if (InputEntersPreActivation)
        {
            WeightDraws.Gaussian(streams.Network, 1, n, sigmaV, v);
        }

        b = new double[n];
        WeightDraws.Biases(streams.Network, 2, parameters["muB"], parameters["sigmaB2"], b);
        x = new double[n];
        wStep = IsUntied ? new double[n * n] : [];
        vStep = IsUntied && InputEntersPreActivation ? new double[n * n] : [];
    }

    /// <summary>R &gt; 0: x_t is not identically zero.</summary>
    public bool HasInput { get; }

    /// <summary>σ_v² &gt; 0 and R &gt; 0: the term V x_t is present in e_t.</summary>
    public bool InputEntersPreActivation { get; }

    public bool IsUntied { get; }

    public ReadOnlySpan<double> RecurrentWeights => w;

    public ReadOnlySpan<double> InputWeights => v;

    public ReadOnlySpan<double> Biases => b;

    /// <summary>x_t (zeros when R = 0). Valid until the next call with another t.</summary>
    public ReadOnlySpan<double> InputAt(long t)
    {
        if (HasInput && t != inputStep)
        {
            inputs.Fork((ulong)t).FillGaussian(x, inputScale);
            inputStep = t;
        }

        return x;
    }

    /// <summary>W_t: the quenched W, or the untied draw of step t (valid until the next call with another t).</summary>
    public ReadOnlySpan<double> RecurrentAt(long t)
    {
        if (!IsUntied)
        {
            return w;
        }

        RedrawUntied(t);
        return wStep;
    }

    /// <summary>V_t (empty when inputs do not enter the pre-activation).</summary>
    public ReadOnlySpan<double> InputWeightsAt(long t)
    {
        if (!IsUntied || !InputEntersPreActivation)
        {
            return v;
        }

        RedrawUntied(t);
        return vStep;
    }

    /// <summary>e ← W_t h + V_t x_t + b (§A.5). <paramref name="e"/> must not overlap <paramref name="h"/>.</summary>
    public void PreActivation(long t, ReadOnlySpan<double> h, Span<double> e)
    {
        b.CopyTo(e);
        kernels.Gemv(false, n, n, 1.0, RecurrentAt(t), n, h, 1.0, e);
        if (InputEntersPreActivation)
        {
            kernels.Gemv(false, n, n, 1.0, InputWeightsAt(t), n, InputAt(t), 1.0, e);
        }
    }

    private void RedrawUntied(long t)
    {
        if (t == weightStep)
        {
            return;
        }

        // N² (or 2N², plus a QR for the orthogonal ensemble) draws per step: the annealed mean-field check, N ≲ 500.
        var step = untiedWeights.Fork((ulong)t);
        DrawRecurrent(step, wStep);
        if (InputEntersPreActivation)
        {
            WeightDraws.Gaussian(step, 1, n, sigmaV, vStep);
        }

        weightStep = t;
    }

    private void DrawRecurrent(RandomStream stream, Span<double> destination)
    {
        if (orthogonal)
        {
            WeightDraws.HaarOrthogonal(stream, 0, n, sigmaW, kernels, destination, rScratch);
        }
        else
        {
            WeightDraws.Gaussian(stream, 0, n, sigmaW, destination);
        }
    }
}
