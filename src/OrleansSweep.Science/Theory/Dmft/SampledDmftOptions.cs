namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// Discretisation, sample size and iteration control of the sampled DMFT (§B.3, "Solving it").
/// </summary>
/// <param name="Paths">M: single-site sample paths per iteration in total, split evenly over the replicas (each share even;
/// paths are drawn in pairs from one complex FFT).</param>
/// <param name="GridPoints">n: points of the periodic time grid (a power of two); the period n·dt must be much longer
/// than the correlation time (the solver reports NotConverged when C_φ has not decayed at half the period).</param>
/// <param name="TimeStep">dt: Euler step of the h equation and spacing of the τ-grid (0.05, as the network runs of §A.2).</param>
/// <param name="Damping">a: weight of the old iterate in the damped step x ← x + (1 − a)(G(x) − x) (§B.3 step 4: 0.2–0.5),
/// on which the Anderson acceleration builds.</param>
/// <param name="Tolerance">convergence: sup-norm of G(C_φ) − C_φ over τ, scaled by min(1, C_φ(0)/0.1) so that a decay
/// towards quiescence is not mistaken for convergence. §B.3 suggests 10⁻³; the default is 10⁻⁴ because the slowest mode
/// of the map contracts only by ~0.93 per step, so the distance to the fixed point is ~15× the residual (at 10⁻³ τ_R
/// still moved by ~5 %).</param>
/// <param name="MaxIterations">bound on the iterations; reaching it gives NotConverged with the last residual.</param>
/// <param name="Replicas">R independent replicas (own noise, own fixed point); the reported values are their means and the
/// standard errors come from their spread, which (unlike a batch spread within one pass) includes the amplification of the
/// sampling noise by the self-consistency.</param>
/// <param name="Seed">seed of the sample paths (stream role MeanFieldSamples, realisation = replica). The same seed gives the
/// same noise at every parameter point, so maps over parameters are smooth (common random numbers).</param>
/// <param name="ControlVariate">subtract the sampled statistics of the Gaussian surrogate h_G (gate frozen at ⟨σ_z⟩) and
/// add its exact ones. Exact for α_z = 0 (then h = h_G, and no paths are drawn at all) and a ~4× error reduction for
/// α_z &gt; 0. Off: plain sampling, a diagnostic only — the self-consistency amplifies its low-frequency noise ~10×, so with
/// 256 paths per replica the replicas scatter by 5–10 % and the iteration may not settle.</param>
/// <param name="AndersonMemory">history of the Anderson acceleration (0: plain damped iteration).</param>
public sealed record SampledDmftOptions(
    int Paths = 1024,
    int GridPoints = 4096,
    double TimeStep = 0.05,
    double Damping = 0.3,
    double Tolerance = 1e-4,
    int MaxIterations = 60,
    int Replicas = 4,
    ulong Seed = 0x5EED_D3F7UL,
    bool ControlVariate = true,
    int AndersonMemory = 5)
{
    /// <summary>M = 1024 paths (4 replicas) on 4096 points (period 204.8): ~3–6 s for α_z &gt; 0; Δ_h(0) to ~0.4 %, τ_R to
    /// ~3–4 % at moderate α_z (one standard error).</summary>
    public static SampledDmftOptions Default { get; } = new();

    /// <summary>The cheaper setting used per sweep cell: M = 256 paths (4 replicas of 64), at most 40 iterations, ~1–3 s for
    /// α_z &gt; 0 (α_z = 0 needs no paths: ~0.1 s); errors about twice those of <see cref="Default"/>.</summary>
    public static SampledDmftOptions PerCell { get; } = new(Paths: 256, MaxIterations: 40);

    /// <summary>The period n·dt of the time grid.</summary>
    public double Period => GridPoints * TimeStep;

    /// <summary>M/R.</summary>
    public int PathsPerReplica => Paths / Replicas;

    internal void Validate()
    {
        if (Replicas < 2 || Paths < 2 * Replicas || Paths % (2 * Replicas) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Paths), Paths, "Need ≥ 2 replicas and paths a positive multiple of 2·replicas.");
        }

        if (GridPoints < 64 || (GridPoints & (GridPoints - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(GridPoints), GridPoints, "Need a power of two ≥ 64.");
        }

        if (!(TimeStep > 0) || TimeStep > 0.5 || !(Damping >= 0) || Damping >= 1 || !(Tolerance > 0) || MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SampledDmftOptions), this, "Need 0 < dt ≤ 0.5, 0 ≤ damping < 1, tolerance > 0 and ≥ 1 iteration.");
        }

        if (AndersonMemory < 0 || AndersonMemory > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(AndersonMemory), AndersonMemory, "Need 0 ≤ memory ≤ 20.");
        }
    }
}
