namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// The stationary covariances of one sampled-DMFT iteration on the periodic grid τ_j = j·dt, j = 0 … n − 1 (§B.3):
/// from C_φ it builds the spectra of the Gaussian inputs z and η_h, C_σr, and the exact statistics of the Gaussian
/// surrogate h_G used as a control variate.
/// </summary>
/// <remarks>
/// <para>
/// A stationary even sequence c_j on the ring has the circulant eigenvalues λ_k = Σ_j c_j e^{−2πijk/n} (real). z and r
/// are linear filters of Gaussian noise with covariance C_φ, so their spectra are exact: λ^z_k = λ^φ_k/(1 + ω_k²τ_z²)
/// and likewise for r (§B.3: S_z(ω) = S_φ(ω)/(1 + ω²τ_z²)), ω_k = 2π·min(k, n−k)/(n·dt). Because r is Gaussian,
/// C_σr(τ) = E[σ_r(y1)σ_r(y2)] with Var y = C_r(0), Cov = C_r(τ) is a 2-D Gaussian integral rather than a sample mean:
/// a Chebyshev series in the covariance on [−C_r(0), C_r(0)] (17 Lobatto points, quadrature to 10⁻⁹: Δ0 of the exact
/// closure stays within 3·10⁻⁴ of the Gaussian DMFT, whose tables use 33) is evaluated at every τ_j. Finally
/// ⟨η_h η_h⟩ = C_σr·C_φ.
/// </para>
/// <para>
/// Surrogate: h_G obeys the same Euler scheme with the gate frozen at s̄ = E[σ_z(z)] (z Gaussian), so it is Gaussian with
/// λ^{hG}_k = λ^η_k |H_k|², H_k = dt s̄/(e^{2πik/n} − 1 + dt s̄), and C_φ[h_G] is again a Gaussian pair integral.
/// Round-off and interpolation can leave eigenvalues slightly negative; they are clipped at 0 (the exact sequences are
/// positive definite). Frequencies above <see cref="Bandwidth"/> (which together carry less than 10⁻¹³ of the variance)
/// are not drawn.
/// </para>
/// </remarks>
internal sealed partial class SampledDmftSpectra
{
    private const int ChebyshevPoints = 17;

    // 10⁻⁹ absolute is far below the iteration tolerance and ~6× cheaper than the default 10⁻¹² (§E cost model).
    private const double QuadratureTolerance = 1e-9;
    private readonly SampledDmftParameters parameters;
    private readonly int n;
    private readonly double dt;
    private readonly double[] angularFrequency;
    private readonly SampledDmftFft fft;
    private readonly double[] re;
    private readonly double[] im;
    private readonly double[] rSpectrum;
    private readonly double[] rCorrelation;

    public SampledDmftSpectra(SampledDmftParameters parameters, int n, double dt)
    {
        this.parameters = parameters;
        this.n = n;
        this.dt = dt;
        angularFrequency = new double[n];
        for (var k = 0; k < n; k++)
        {
            angularFrequency[k] = 2 * Math.PI * Math.Min(k, n - k) / (n * dt);
        }

        fft = new SampledDmftFft(n);
        re = new double[n];
        im = new double[n];
        rSpectrum = new double[n];
        rCorrelation = new double[n];
        ZAmplitude = new double[n];
        EtaAmplitude = new double[n];
        GateCorrelation = new double[n];
        EtaCorrelation = new double[n];
        PhiSpectrum = new double[n];
        SurrogateHCorrelation = new double[n];
        SurrogatePhiCorrelation = new double[n];
    }

    public SampledDmftFft Fft => fft;

    /// <summary>√(λ^z_k/n): the synthesis amplitudes of z.</summary>
    public double[] ZAmplitude { get; }

    /// <summary>√(λ^η_k/n): the synthesis amplitudes of η_h.</summary>
    public double[] EtaAmplitude { get; }

    /// <summary>The largest min(k, n − k) with a non-zero amplitude of z or η_h.</summary>
    public int Bandwidth { get; private set; }

    /// <summary>C_σr(τ_j).</summary>
    public double[] GateCorrelation { get; }

    /// <summary>⟨η_h(t)η_h(t + τ_j)⟩ = C_σr·C_φ.</summary>
    public double[] EtaCorrelation { get; }

    /// <summary>λ^φ_k, the circulant eigenvalues of C_φ.</summary>
    public double[] PhiSpectrum { get; }

    /// <summary>s̄ = E[σ_z(z)], the frozen gate of the surrogate.</summary>
    public double SurrogateRate { get; private set; }

    /// <summary>C_h of the surrogate h_G (exact).</summary>
    public double[] SurrogateHCorrelation { get; }

    /// <summary>C_φ of the surrogate h_G (exact).</summary>
    public double[] SurrogatePhiCorrelation { get; }

    /// <summary>Fills every property from C_φ(τ_j) (length n, even on the ring).</summary>
    public void Build(ReadOnlySpan<double> phiCorrelation)
    {
        Eigenvalues(phiCorrelation, PhiSpectrum);
        double zSum = 0, rSum = 0;
        var tauZ2 = parameters.TauZ * parameters.TauZ;
        var tauR2 = parameters.TauR * parameters.TauR;
        for (var k = 0; k < n; k++)
        {
            var w2 = angularFrequency[k] * angularFrequency[k];
            var z = PhiSpectrum[k] / (1 + w2 * tauZ2);
            rSpectrum[k] = PhiSpectrum[k] / (1 + w2 * tauR2);
            ZAmplitude[k] = Math.Sqrt(z / n);
            zSum += z;
            rSum += rSpectrum[k];
        }

        var zVariance = zSum / n;
        FillGateCorrelation(rSum / n);
        for (var j = 0; j < n; j++)
        {
            EtaCorrelation[j] = GateCorrelation[j] * phiCorrelation[j];
        }

        var etaSpectrum = rSpectrum;
        Eigenvalues(EtaCorrelation, etaSpectrum);
        for (var k = 0; k < n; k++)
        {
            EtaAmplitude[k] = Math.Sqrt(etaSpectrum[k] / n);
        }

        Bandwidth = Math.Max(Band(ZAmplitude), Band(EtaAmplitude));
        BuildSurrogate(etaSpectrum, zVariance);
    }

    /// <summary>λ_k = Σ_j c_j e^{−2πijk/n}, clipped at 0.</summary>
    public void Eigenvalues(ReadOnlySpan<double> correlation, Span<double> eigenvalues)
    {
        correlation.CopyTo(re);
        Array.Clear(im);
        fft.Forward(re, im);
        for (var k = 0; k < n; k++)
        {
            eigenvalues[k] = Math.Max(0, re[k]);
        }
    }

    /// <summary>c_j = (1/n) Σ_k λ_k e^{2πijk/n} (the inverse of <see cref="Eigenvalues"/>).</summary>
    public void Correlation(ReadOnlySpan<double> eigenvalues, Span<double> correlation)
    {
        eigenvalues.CopyTo(re);
        Array.Clear(im);
        fft.Inverse(re, im);
        for (var j = 0; j < n; j++)
        {
            correlation[j] = re[j] / n;
        }
    }

    /// <summary>The smallest band B with Σ_{min(k, n−k) &gt; B} amplitude_k² ≤ 10⁻¹³ Σ_k amplitude_k² (variance left out).</summary>
    private int Band(double[] amplitude)
    {
        var total = 0.0;
        foreach (var a in amplitude)
        {
            total += a * a;
        }

        var tail = 0.0;
        for (var k = n / 2; k > 0; k--)
        {
            tail += amplitude[k] * amplitude[k] + (n - k != k ? amplitude[n - k] * amplitude[n - k] : 0);
            if (tail > 1e-13 * total)
            {
                return k;
            }
        }

        return 0;
    }
}
