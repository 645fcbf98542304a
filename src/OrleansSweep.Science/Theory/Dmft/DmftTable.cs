using OrleansSweep.Science.Theory.Quadrature;

namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// ν(Δ) and K(Δ) on [0, Δ0] for one trial Δ0, computed by 2-D quadrature at Chebyshev–Lobatto points and held as
/// Chebyshev series (the precompute-and-interpolate step that keeps a DMFT evaluation fast, §E cost model).
/// </summary>
internal sealed class DmftTable
{
    private DmftTable(double delta0, ChebyshevSeries nu, ChebyshevSeries slope)
    {
        Delta0 = delta0;
        Nu = nu;
        Slope = slope;
    }

    public double Delta0 { get; }

    /// <summary>ν(Δ), the force in Δ'' = Δ − ν(Δ).</summary>
    public ChebyshevSeries Nu { get; }

    /// <summary>K(Δ) = dν/dΔ, the Schrödinger potential (with a minus sign) of §B.4.</summary>
    public ChebyshevSeries Slope { get; }

    /// <summary>
    /// F(Δ0)/Δ0² = 1/2 − (1/Δ0²)∫_0^{Δ0} ν dΔ: zero at a self-consistent Δ0 (§B.3; the particle starting at rest at
    /// Δ0 reaches Δ = 0 with zero energy). Tends to (1 − K(0))/2 as Δ0 → 0.
    /// </summary>
    public double Balance => 0.5 - Nu.Integral() / (Delta0 * Delta0);

    public static DmftTable Build(IGaussianDmftKernel kernel, double delta0, int points)
    {
        var deltas = ChebyshevSeries.Points(0, delta0, points);
        var nu = new double[points];
        var slope = new double[points];
        kernel.Evaluate(delta0, deltas, nu, slope);
        return new DmftTable(delta0, ChebyshevSeries.Interpolate(0, delta0, nu), ChebyshevSeries.Interpolate(0, delta0, slope));
    }

    /// <summary>
    /// Whether the trajectory from (Δ0, 0) really decays to 0: K(0) &lt; 1 (Δ = 0 is a hilltop of the potential
    /// V(Δ) = −Δ²/2 + ∫_0^Δ ν) and V &lt; 0 on (0, Δ0) (no barrier on the way), checked at 400 points.
    /// </summary>
    public bool IsAdmissible(out string? reason)
    {
        var k0 = Slope.Evaluate(0);
        if (k0 >= 1)
        {
            reason = $"K(0) = {k0:G6} ≥ 1: Δ = 0 is not a hilltop, the trajectory cannot decay";
            return false;
        }

        var integral = Nu.Antiderivative();
        const int samples = 400;
        for (var i = 1; i < samples; i++)
        {
            var delta = Delta0 * i / samples;
            var potential = -0.5 * delta * delta + integral.Evaluate(delta);
            // Tolerance: the potential is O(Δ0²); round-off of the series is ~10⁻¹⁴ of that.
            if (potential > 1e-10 * Delta0 * Delta0)
            {
                reason = $"V(Δ) > 0 at Δ = {delta:G6} < Δ0: a barrier blocks the decay";
                return false;
            }
        }

        reason = null;
        return true;
    }
}
