namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// Discretisation of the Gaussian DMFT (§B.3–B.4).
/// </summary>
/// <param name="HalfWidth">L: the Schrödinger problem lives on τ ∈ [−L, L] (Dirichlet ends); ≥ 40 as in §B.4. It is
/// widened automatically (to ≤ 400) when the ground state decays too slowly for L (close to the transition).</param>
/// <param name="Step">grid step of τ for both the RK4 trajectory Δ(τ) and the finite-difference Hamiltonian (0.01,
/// §B.4; the O(h²) error of λ_max is ≲ 2·10⁻⁶ there, see the convergence tests).</param>
/// <param name="ChebyshevPoints">Lobatto points per Δ0 at which the correlation functions are computed by 2-D
/// quadrature and then interpolated (33 reproduces 65 to ≲ 10⁻⁸ in Δ0 and λ_max for the tested cases).</param>
public sealed record DmftOptions(double HalfWidth = 40, double Step = 0.01, int ChebyshevPoints = 33)
{
    public static DmftOptions Default { get; } = new();

    internal void Validate()
    {
        if (!(HalfWidth >= 10) || !(Step > 0) || Step > HalfWidth / 100 || ChebyshevPoints < 9)
        {
            throw new ArgumentOutOfRangeException(nameof(DmftOptions), this, "Need L ≥ 10, 0 < step ≤ L/100 and ≥ 9 Chebyshev points.");
        }
    }
}
