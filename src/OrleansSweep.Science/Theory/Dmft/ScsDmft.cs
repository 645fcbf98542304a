using OrleansSweep.Science.Theory.Quadrature;

namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// DMFT of the SCS rate network ẋ = −x + Jφ(x), J ~ N(0, g²/N), φ = tanh (§A.1, §B.3, §B.4).
/// </summary>
/// <remarks>
/// <para>
/// Δ0 = ⟨x²⟩ solves the potential condition Δ0²/2 = g²(E[Φ²] − E[Φ]²), Φ = ln cosh, x ~ N(0, Δ0) — the closed form of
/// ∫_0^{Δ0}[Δ − g²C_φ(Δ)]dΔ = 0 by Price's theorem (dE[Φ(x1)Φ(x2)]/dΔ = C_φ(Δ)); the largest root is taken.
/// Then Δ(τ) by RK4, and λ_max = −1 + √(−E_0) with E_0 the ground state of H = −d²/dτ² − g²C_φ'(Δ(τ)).
/// </para>
/// <para>
/// For g ≤ 1 the only solution is Δ0 = 0 (the origin is globally stable) and λ_max is the zero fixed point's exponent
/// −1 + g (rightmost point of the disk of −I + J, §B.1; case 2 of §D). Accuracy: Δ0 to ~10⁻¹¹, λ_max to ~10⁻⁷
/// (the O(h²) finite-difference error of E_0 at h = 0.01; halving h moves λ_max by 4·10⁻⁸ at g = 2).
/// At g = 2: Δ0 = 1.924805, λ_max = 0.112458.
/// </para>
/// </remarks>
public static class ScsDmft
{
    /// <summary>Δ0 and λ_max at gain g.</summary>
    public static DmftSolution Solve(double g, DmftOptions? options = null, CancellationToken ct = default)
    {
        if (!(g >= 0) || double.IsInfinity(g))
        {
            throw new ArgumentOutOfRangeException(nameof(g), g, "g must be finite and ≥ 0.");
        }

        if (g <= 1)
        {
            return DmftSolution.Quiescent(-1 + g);
        }

        return GaussianDmftSolver.Solve(new ScsKernel(g), delta0 => PotentialBalance(g, delta0), options ?? DmftOptions.Default, 1, -1 + g, ct);
    }

    /// <summary>
    /// Φ(Δ0) = 1/2 − g²(E[Φ²] − E[Φ]²)/Δ0², Φ = ln cosh, x ~ N(0, Δ0): zero at a self-consistent Δ0 (1-D quadrature,
    /// ~10⁻¹² absolute).
    /// </summary>
    public static double PotentialBalance(double g, double delta0)
    {
        var mean = GaussianExpectation.Of(LogCosh, 0, delta0);
        var variance = GaussianExpectation.Of(x => Square(LogCosh(x) - mean), 0, delta0);
        return 0.5 - g * g * variance / (delta0 * delta0);
    }

    /// <summary>ln cosh x without cancellation: log1p(2 sinh²(x/2)) for |x| &lt; 1, |x| − ln 2 + log1p(e^{−2|x|}) beyond.</summary>
    internal static double LogCosh(double x)
    {
        var a = Math.Abs(x);
        if (a < 1)
        {
            var s = Math.Sinh(0.5 * a);
            return LogOnePlus(2 * s * s);
        }

        return a - Math.Log(2) + LogOnePlus(Math.Exp(-2 * a));
    }

    /// <summary>log(1 + y) to a few ulps (Goldberg's correction; double.LogP1 is the naive Log(1 + y)).</summary>
    private static double LogOnePlus(double y)
    {
        var u = 1 + y;
        return u == 1 ? y : Math.Log(u) * y / (u - 1);
    }

    private static double Square(double x) => x * x;
}
