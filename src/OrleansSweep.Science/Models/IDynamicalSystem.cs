namespace OrleansSweep.Science.Models;

/// <summary>
/// A deterministic dynamical system on R^<see cref="Dimension"/>: a map x_{t+1} = F_t(x_t) when
/// <see cref="Time"/> is <see cref="TimeKind.Discrete"/>, a flow dx/dt = f(x) when it is continuous.
/// </summary>
/// <remarks>
/// All vectors are dense; matrices are row-major. <c>t</c> is the step index: autonomous systems ignore it,
/// driven or untied networks use it to regenerate their inputs or weights from a counter-based stream.
/// Implementations hold scratch buffers and are <b>not</b> thread-safe: one instance per thread.
/// <see cref="Evaluate"/> may be called with <c>result</c> the same span as <c>x</c> (in-place stepping);
/// the outputs of <see cref="Jacobian"/> and <see cref="JacobianTimes"/> must not overlap their inputs.
/// </remarks>
public interface IDynamicalSystem
{
    /// <summary>The state dimension (N for vanilla/rate/minimal/GRU, 2N for LSTM, 3N for the gated RNN).</summary>
    int Dimension { get; }

    TimeKind Time { get; }

    /// <summary>Discrete: <paramref name="result"/> = F_t(x). Continuous: <paramref name="result"/> = f(x).</summary>
    void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result);

    /// <summary>The dense Jacobian ∂F_t/∂x (or ∂f/∂x), row-major, Dimension × Dimension.</summary>
    void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian);

    /// <summary>
    /// <paramref name="result"/> = J(t, x) · V for V row-major Dimension × <paramref name="columns"/>, computed
    /// without forming J (diagonal scalings plus matrix products).
    /// </summary>
    void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result);
}
