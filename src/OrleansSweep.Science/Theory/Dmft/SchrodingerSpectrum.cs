namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// The two lowest levels of H = −d²/dτ² − K(τ) for an even potential on τ ∈ [−L, L] with Dirichlet ends (§B.4),
/// discretised by central differences on a grid of step h and solved by <see cref="SturmSequence"/>.
/// </summary>
/// <remarks>The discretisation error of a level is O(h²) (≈ h²E²/12); bisection is run to 10⁻¹² absolute.</remarks>
internal static class SchrodingerSpectrum
{
    /// <summary>(E_0, E_1) given K at τ = i·h, i = 0 … M (so L = M·h).</summary>
    public static (double Ground, double First) LowestTwo(ReadOnlySpan<double> potentialHalf, double step, CancellationToken ct)
    {
        var m = potentialHalf.Length - 1;
        var n = 2 * m - 1;
        var diagonal = new double[n];
        var offDiagonalSquares = new double[n - 1];
        var kinetic = 1 / (step * step);
        for (var j = 0; j < n; j++)
        {
            // Interior node j + 1 of the full grid sits at τ = (j + 1 − m)·h.
            diagonal[j] = 2 * kinetic - potentialHalf[Math.Abs(j + 1 - m)];
        }

        Array.Fill(offDiagonalSquares, kinetic * kinetic);
        var ground = SturmSequence.Eigenvalue(diagonal, offDiagonalSquares, 0, 1e-12, ct);
        var first = SturmSequence.Eigenvalue(diagonal, offDiagonalSquares, 1, 1e-12, ct);
        return (ground, first);
    }
}
