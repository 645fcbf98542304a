using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// One pass of the sampled DMFT over M single-site paths (§B.3 steps 2–3): synthesise z and η_h, integrate h and its
/// Gaussian surrogate h_G, and accumulate the power spectra of φ(h), φ(h_G), h and h_G.
/// </summary>
/// <remarks>
/// <para>
/// Synthesis: with W_k = a_k + i b_k (a, b i.i.d. N(0, 1)) and amplitudes √(λ_k/n), X_t = Σ_k √(λ_k/n) W_k e^{2πikt/n}
/// has E[X_t X̄_s] = 2c_{t−s} and E[X_t X_s] = 0, so Re X and Im X are two independent stationary Gaussian paths with
/// covariance c on the ring (λ is even in k). One complex FFT thus gives two paths. W_k is a pure function of
/// (pair, process, k) through <see cref="RandomStream.At"/> (Box–Muller on two counter values), so every iteration sees
/// the same noise (common random numbers) and frequencies outside the band are simply not drawn.
/// </para>
/// <para>
/// Integration: Euler, h_{t+1} = (1 − dt s_t) h_t + dt s_t η_t with s_t = σ_z(z_t) (h_G: s_t = s̄). The map over one
/// period is affine, h_n = A h_0 + B with A = Π(1 − dt s_t), so a pass from h_0 = 0 gives A and B and the periodic
/// solution starts at h_0 = B/(1 − A): nothing is discarded and h is stationary on the same ring as its inputs.
/// </para>
/// <para>
/// Measurement: two real paths packed as a + ib share one FFT; |X_k|² + |X_{n−k}|² = 2(|A_k|² + |B_k|²), so symmetrising
/// the summed |X_k|² gives the summed power spectra of the paths.
/// </para>
/// </remarks>
internal sealed partial class SampledDmftPaths
{
    /// <summary>σ_z below this counts as a closed update gate (the slow units of §B.2 item 2).</summary>
    internal const double ClosedGate = 0.01;

    private readonly SampledDmftParameters parameters;
    private readonly ulong rootKey;
    private readonly int n;
    private readonly int pairs;
    private readonly double dt;
    private readonly bool controlVariate;
    private readonly double[] zRe;
    private readonly double[] zIm;
    private readonly double[] etaRe;
    private readonly double[] etaIm;
    private readonly double[] workRe;
    private readonly double[] workIm;
    private readonly double[] gate;
    private readonly double[] hA;
    private readonly double[] hB;
    private readonly double[] gA;
    private readonly double[] gB;

    /// <summary>The paths of replica <paramref name="replica"/>: M/R paths from their own stream (role MeanFieldSamples).</summary>
    public SampledDmftPaths(SampledDmftParameters parameters, SampledDmftOptions options, int replica)
    {
        this.parameters = parameters;
        rootKey = StreamKeys.Derive(options.Seed, "sampled-dmft", replica, StreamRole.MeanFieldSamples);
        n = options.GridPoints;
        pairs = options.PathsPerReplica / 2;
        dt = options.TimeStep;
        controlVariate = options.ControlVariate;
        zRe = new double[n];
        zIm = new double[n];
        etaRe = new double[n];
        etaIm = new double[n];
        workRe = new double[n];
        workIm = new double[n];
        gate = new double[n];
        hA = new double[n];
        hB = new double[n];
        gA = new double[n];
        gB = new double[n];
        PhiPower = new double[n];
        SurrogatePhiPower = new double[n];
        HPower = new double[n];
        SurrogateHPower = new double[n];
    }

    /// <summary>Whether the control-variate estimator is exact without sampling (α_z = 0: h is Gaussian and equals h_G).</summary>
    public static bool IsExactClosure(SampledDmftParameters parameters, bool controlVariate) => controlVariate && parameters.AlphaZ == 0;

    /// <summary>The number of paths of this replica.</summary>
    public int Count => 2 * pairs;

    /// <summary>Σ over paths of |DFT φ(h)|² (symmetrised after <see cref="Run"/>).</summary>
    public double[] PhiPower { get; }

    /// <summary>Σ over paths of |DFT φ(h_G)|² (zero without the control variate).</summary>
    public double[] SurrogatePhiPower { get; }

    /// <summary>Σ over paths of |DFT h|² (only after a pass with measureH).</summary>
    public double[] HPower { get; }

    /// <summary>Σ over paths of |DFT h_G|² (only after a pass with measureH and the control variate).</summary>
    public double[] SurrogateHPower { get; }

    /// <summary>⟨σ_z⟩ over paths and time.</summary>
    public double MeanUpdateGate { get; private set; }

    /// <summary>Fraction of time with σ_z &lt; <see cref="ClosedGate"/>.</summary>
    public double ClosedGateFraction { get; private set; }

    /// <summary>
    /// One pass with the amplitudes of <paramref name="spectra"/>; the spectra of h and h_G (for Δ_h(0) and C_h) are
    /// accumulated only with <paramref name="measureH"/>. Observes <paramref name="ct"/> every 16 pairs.
    /// </summary>
    public void Run(SampledDmftSpectra spectra, bool measureH, CancellationToken ct)
    {
        Clear();
        double gateSum = 0;
        long closed = 0;
        var fft = spectra.Fft;
        // α_z = 0 with the control variate: h ≡ h_G path by path, so every sampled term cancels and C is the exact Gaussian
        // closure; the pass is skipped.
        var pairCount = IsExactClosure(parameters, controlVariate) ? 0 : pairs;
        for (var q = 0; q < pairCount; q++)
        {
            if ((q & 15) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var key = RandomStream.At(rootKey, (ulong)q);
            Synthesise(key, 0, spectra.ZAmplitude, spectra.Bandwidth, zRe, zIm, fft);
            Synthesise(key, 1, spectra.EtaAmplitude, spectra.Bandwidth, etaRe, etaIm, fft);
            var (sumA, closedA) = Integrate(zRe, etaRe, hA);
            var (sumB, closedB) = Integrate(zIm, etaIm, hB);
            gateSum += sumA + sumB;
            closed += closedA + closedB;
            Accumulate(hA, hB, tanh: true, PhiPower, fft);
            if (measureH)
            {
                Accumulate(hA, hB, tanh: false, HPower, fft);
            }

            if (controlVariate)
            {
                Surrogate(etaRe, spectra.SurrogateRate, gA);
                Surrogate(etaIm, spectra.SurrogateRate, gB);
                Accumulate(gA, gB, tanh: true, SurrogatePhiPower, fft);
                if (measureH)
                {
                    Accumulate(gA, gB, tanh: false, SurrogateHPower, fft);
                }
            }
        }

        if (pairCount == 0)
        {
            var constant = Activation.Sigmoid(parameters.BZ);
            MeanUpdateGate = constant;
            ClosedGateFraction = constant < ClosedGate ? 1 : 0;
            return;
        }

        MeanUpdateGate = gateSum / (2.0 * pairs * n);
        ClosedGateFraction = closed / (2.0 * pairs * n);
        Symmetrise(PhiPower);
        Symmetrise(SurrogatePhiPower);
        Symmetrise(HPower);
        Symmetrise(SurrogateHPower);
    }

    private void Clear()
    {
        Array.Clear(PhiPower);
        Array.Clear(SurrogatePhiPower);
        Array.Clear(HPower);
        Array.Clear(SurrogateHPower);
    }
}
