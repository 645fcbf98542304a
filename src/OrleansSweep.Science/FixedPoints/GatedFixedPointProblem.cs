using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.FixedPoints;

/// <summary>
/// The gated RNN's fixed-point equation without the z-gate (§A.2): G(h) = −h + J^h (σ_r(J^r φ(h)) ⊙ φ(h)) on h ∈ R^N,
/// lifted to the 3N state by z = J^z φ(h), r = J^r φ(h).
/// </summary>
/// <remarks>
/// At such h, ḣ = σ_z(z) ⊙ G = 0 and ż = ṙ = 0 for every α_z, b_z, τ_z, τ_r, and conversely (σ_z &gt; 0), so the points
/// found are identical for any z-gate (§D case 13) and Newton costs an N×N LU instead of 3N×3N.
/// ∂G/∂h = −I + J^h ([σ_r ⊙ φ'] + [φ ⊙ σ_r'] J^r [φ']) with φ' = g_h(1 − φ²), σ_r' = α_r σ_r(1 − σ_r).
/// </remarks>
internal sealed class GatedFixedPointProblem : IFixedPointProblem
{
    private readonly IDenseKernels kernels;
    private readonly GatedJacobianForm form;
    private readonly double[] hidden;
    private readonly double[] gates;
    private readonly double gH;
    private readonly double betaH;
    private readonly double alphaR;
    private readonly double bR;
    private readonly double[] phi;
    private readonly double[] phiSlope;
    private readonly double[] rField;
    private readonly double[] sigmaR;
    private readonly double[] gatedOutput;
    private readonly double[] outputSlope;

    public GatedFixedPointProblem(GatedNetwork network, IDenseKernels kernels)
    {
        this.kernels = kernels;
        var n = Dimension = network.Units;
        form = new GatedJacobianForm(n, kernels);
        hidden = network.HiddenCoupling.ToArray();
        gates = new double[2 * n * n];
        network.UpdateCoupling.CopyTo(gates);
        network.OutputCoupling.CopyTo(gates.AsSpan(n * n));
        gH = network.Parameters["gH"];
        betaH = network.Parameters["betaH"];
        alphaR = network.Parameters["alphaR"];
        bR = network.Parameters["bR"];
        phi = new double[n];
        phiSlope = new double[n];
        rField = new double[n];
        sigmaR = new double[n];
        gatedOutput = new double[n];
        outputSlope = new double[n];
    }

    public int Dimension { get; }

    private ReadOnlySpan<double> OutputCoupling => gates.AsSpan(Dimension * Dimension);

    public void Residual(ReadOnlySpan<double> y, Span<double> residual)
    {
        Statistics(y);
        kernels.Gemv(false, Dimension, Dimension, 1.0, hidden, Dimension, gatedOutput, 0.0, residual);
        for (var i = 0; i < Dimension; i++)
        {
            residual[i] -= y[i];
        }
    }

    public void Jacobian(ReadOnlySpan<double> y, Span<double> jacobian)
    {
        Statistics(y);
        for (var j = 0; j < Dimension; j++)
        {
            phiSlope[j] = Activation.TanhSlope(gH, phi[j]);
            // d = σ_r ⊙ φ' (reused in gatedOutput), e = φ ⊙ σ_r'.
            outputSlope[j] = phi[j] * Activation.SigmoidSlope(alphaR, sigmaR[j]);
            gatedOutput[j] = sigmaR[j] * phiSlope[j];
        }

        form.Compute(hidden, OutputCoupling, [], gatedOutput, outputSlope, phiSlope, jacobian);
    }

    public void Project(ReadOnlySpan<double> state, Span<double> y) => state[..Dimension].CopyTo(y);

    public void Lift(ReadOnlySpan<double> y, Span<double> state)
    {
        var n = Dimension;
        y.CopyTo(state);
        for (var i = 0; i < n; i++)
        {
            phi[i] = Math.Tanh((gH * y[i]) + betaH);
        }

        kernels.Gemv(false, 2 * n, n, 1.0, gates, n, phi, 0.0, state.Slice(n, 2 * n));
    }

    /// <summary>φ(h), the r field J^r φ, σ_r and σ_r ⊙ φ at h.</summary>
    private void Statistics(ReadOnlySpan<double> y)
    {
        var n = Dimension;
        for (var i = 0; i < n; i++)
        {
            phi[i] = Math.Tanh((gH * y[i]) + betaH);
        }

        kernels.Gemv(false, n, n, 1.0, OutputCoupling, n, phi, 0.0, rField);
        for (var i = 0; i < n; i++)
        {
            sigmaR[i] = Activation.Sigmoid((alphaR * rField[i]) + bR);
            gatedOutput[i] = sigmaR[i] * phi[i];
        }
    }
}
