namespace OrleansSweep.Science.FixedPoints;

/// <summary>
/// The autonomous minimalRNN's fixed-point equation with its gate divided out (§A.6): G(h) = h, ∂G/∂h = I.
/// </summary>
/// <remarks>
/// Without input (x_t = 0) the map is h ↦ u ⊙ h with u = σ(W h + b) ∈ (0, 1), so F(h) − h = −(1 − u) ⊙ h and, as
/// 1 − u &gt; 0, the origin is the only fixed point, whatever W and b. The gate plays the role of the GRU update gate:
/// it sets timescales but never moves fixed points. Solving F(h) − h = 0 directly instead finds false roots wherever a
/// pre-activation exceeds ~37, because u then rounds to 1 and the floating-point map holds any state exactly.
/// </remarks>
internal sealed class MinimalFixedPointProblem(int units) : IFixedPointProblem
{
    public int Dimension { get; } = units;

    public void Residual(ReadOnlySpan<double> y, Span<double> residual) => y.CopyTo(residual);

    public void Jacobian(ReadOnlySpan<double> y, Span<double> jacobian)
    {
        jacobian[..(Dimension * Dimension)].Clear();
        for (var i = 0; i < Dimension; i++)
        {
            jacobian[(i * Dimension) + i] = 1.0;
        }
    }

    public void Project(ReadOnlySpan<double> state, Span<double> y) => state.CopyTo(y);

    public void Lift(ReadOnlySpan<double> y, Span<double> state) => y.CopyTo(state);
}
