namespace OrleansSweep.Science.FixedPoints;

/// <summary>
/// The equation G(y) = 0 that Newton solves, on coordinates y that may be fewer than the network's state, with the
/// maps between y and the full state.
/// </summary>
/// <remarks>
/// The generic problem (<see cref="SystemFixedPointProblem"/>) is G = f (flows) or F − x (maps) on the full state.
/// The GRU and the gated RNN use the z-free forms of §A.2–A.3 and §C instead, and the minimalRNN has its gate divided
/// out likewise: their fixed points do not depend on the holding gate, and solving without it avoids false "roots"
/// where a nearly closed gate makes the full residual tiny (or, once σ rounds to 0 or 1, exactly zero) far from any
/// fixed point. Not thread-safe (scratch).
/// </remarks>
internal interface IFixedPointProblem
{
    /// <summary>The number of unknowns m (the length of y).</summary>
    int Dimension { get; }

    /// <summary><paramref name="residual"/> (length m) = G(y).</summary>
    void Residual(ReadOnlySpan<double> y, Span<double> residual);

    /// <summary><paramref name="jacobian"/> (m×m, row-major) = ∂G/∂y.</summary>
    void Jacobian(ReadOnlySpan<double> y, Span<double> jacobian);

    /// <summary>The unknowns of a full state (the start of Newton).</summary>
    void Project(ReadOnlySpan<double> state, Span<double> y);

    /// <summary>The full state of a solution y (the fixed point reported).</summary>
    void Lift(ReadOnlySpan<double> y, Span<double> state);
}
