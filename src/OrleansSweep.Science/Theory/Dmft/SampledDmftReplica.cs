namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>How a replica's iteration ended.</summary>
internal enum ReplicaState
{
    Running,
    Converged,
    Exhausted,
    Quiescent,
    Diverged,
}

/// <summary>
/// One replica of the sampled DMFT: its own noise (M/R paths), its own Anderson-accelerated iteration and fixed point
/// (§B.3 steps 1–4), with the control-variate estimator C = Ĉ[x] − Ĉ[x_G] + C_exact[x_G] (x = φ(h) or h).
/// </summary>
/// <remarks>
/// A summed power spectrum P over M' paths gives the mean circular autocorrelation c_j = (1/n)Σ_k λ_k e^{2πijk/n} with
/// λ_k = P_k/(M'·n). When the residual falls below the tolerance (or the budget ends) the converged pass is repeated with
/// the same noise, now also measuring h: it reproduces C_φ exactly and adds C_h, so the non-final passes skip two FFTs.
/// </remarks>
internal sealed class SampledDmftReplica
{
    private const double QuiescentLevel = 1e-8;

    // C_φ(0) of a well-developed chaotic state; below it the tolerance shrinks in proportion.
    private const double ReferenceVariance = 0.1;
    private readonly SampledDmftParameters parameters;
    private readonly SampledDmftOptions options;
    private readonly SampledDmftSpectra spectra;
    private readonly SampledDmftPaths paths;
    private readonly SampledDmftAnderson anderson;
    private readonly double[] phi;
    private readonly double[] scaled;
    private readonly double[] surrogate;
    private readonly int n;

    public SampledDmftReplica(SampledDmftParameters parameters, SampledDmftOptions options, int index)
    {
        this.parameters = parameters;
        this.options = options;
        n = options.GridPoints;
        spectra = new SampledDmftSpectra(parameters, n, options.TimeStep);
        paths = new SampledDmftPaths(parameters, options, index);
        anderson = new SampledDmftAnderson(n, options.AndersonMemory, 1 - options.Damping);
        phi = InitialGuess(n, options.TimeStep);
        scaled = new double[n];
        surrogate = new double[n];
        Measured = new double[n];
        H = new double[n];
    }

    public ReplicaState State { get; private set; } = ReplicaState.Running;

    /// <summary>The residual sup|G(C_φ) − C_φ| of every iteration.</summary>
    public List<double> Changes { get; } = [];

    /// <summary>C_φ measured in the last pass (G of the last iterate).</summary>
    public double[] Measured { get; }

    /// <summary>C_h of the final pass (zero until the replica is done).</summary>
    public double[] H { get; }

    public double MeanUpdateGate => paths.MeanUpdateGate;

    public double ClosedGateFraction => paths.ClosedGateFraction;

    /// <summary>One iteration: build the inputs from C_φ, run the paths, measure, test, and mix.</summary>
    public void Iterate(CancellationToken ct)
    {
        spectra.Build(phi);
        paths.Run(spectra, measureH: false, ct);
        Combine(paths.PhiPower, paths.SurrogatePhiPower, spectra.SurrogatePhiCorrelation, Measured);
        var change = 0.0;
        for (var j = 0; j < n; j++)
        {
            change = Math.Max(change, Math.Abs(Measured[j] - phi[j]));
        }

        Changes.Add(change);
        if (!double.IsFinite(change))
        {
            State = ReplicaState.Diverged;
            return;
        }

        if (parameters.BetaH == 0 && Measured[0] < QuiescentLevel)
        {
            State = ReplicaState.Quiescent;
            return;
        }

        // Relative to the activity: a residual of 10⁻⁴ means nothing when C_φ(0) itself is 10⁻⁵ (decay to quiescence).
        var converged = change < options.Tolerance * Math.Min(1, Measured[0] / ReferenceVariance);
        if (converged || Changes.Count >= options.MaxIterations)
        {
            paths.Run(spectra, measureH: true, ct);
            Combine(paths.HPower, paths.SurrogateHPower, spectra.SurrogateHCorrelation, H);
            State = converged ? ReplicaState.Converged : ReplicaState.Exhausted;
            return;
        }

        anderson.Step(phi, Measured);
        for (var j = 1; j < n / 2; j++)
        {
            // Keep the iterate even on the ring against round-off in the mixing.
            var mean = 0.5 * (phi[j] + phi[n - j]);
            phi[j] = mean;
            phi[n - j] = mean;
        }
    }

    /// <summary>C_φ(τ) = 0.6 (1 + |τ|/2) e^{−|τ|/2}: a large-activity start, smooth at 0 like the correlation of a smooth path.</summary>
    private static double[] InitialGuess(int n, double dt)
    {
        var guess = new double[n];
        for (var j = 0; j < n; j++)
        {
            var tau = Math.Min(j, n - j) * dt / 2;
            guess[j] = 0.6 * (1 + tau) * Math.Exp(-tau);
        }

        return guess;
    }

    /// <summary>destination ← corr(P/(M'n)) − corr(P_G/(M'n)) + exact (the last two only with the control variate).</summary>
    private void Combine(double[] power, double[] surrogatePower, double[] exact, double[] destination)
    {
        var scale = 1.0 / ((double)paths.Count * n);
        for (var k = 0; k < n; k++)
        {
            scaled[k] = power[k] * scale;
        }

        spectra.Correlation(scaled, destination);
        if (!options.ControlVariate)
        {
            return;
        }

        for (var k = 0; k < n; k++)
        {
            scaled[k] = surrogatePower[k] * scale;
        }

        spectra.Correlation(scaled, surrogate);
        for (var j = 0; j < n; j++)
        {
            destination[j] += exact[j] - surrogate[j];
        }
    }
}
