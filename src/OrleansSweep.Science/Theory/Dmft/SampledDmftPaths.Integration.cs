using System.Numerics.Tensors;

namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>The h side of a pass: the periodic Euler orbits of h and of its surrogate h_G.</summary>
internal sealed partial class SampledDmftPaths
{
    /// <summary>The periodic Euler solution of dh/dt = σ_z(z)(−h + η); returns (Σσ_z, #closed).</summary>
    private (double GateSum, long Closed) Integrate(double[] z, double[] eta, double[] h)
    {
        var alphaZ = parameters.AlphaZ;
        var bZ = parameters.BZ;
        double state = 0, contraction = 1, sum = 0;
        long closed = 0;
        TensorPrimitives.Multiply(z, alphaZ, gate);
        TensorPrimitives.Add(gate, bZ, gate);
        TensorPrimitives.Sigmoid(gate, gate);
        for (var t = 0; t < n; t++)
        {
            var s = gate[t];
            sum += s;
            closed += s < ClosedGate ? 1 : 0;
            var keep = 1 - dt * s;
            state = keep * state + dt * s * eta[t];
            contraction *= keep;
        }

        // h_n = A h_0 + B: the periodic orbit starts at B/(1 − A) (A < 1 because σ_z > 0).
        state /= 1 - contraction;
        for (var t = 0; t < n; t++)
        {
            h[t] = state;
            var s = gate[t];
            state = (1 - dt * s) * state + dt * s * eta[t];
        }

        return (sum, closed);
    }

    /// <summary>The periodic Euler solution of dh_G/dt = s̄(−h_G + η).</summary>
    private void Surrogate(double[] eta, double rate, double[] h)
    {
        var keep = 1 - dt * rate;
        var gain = dt * rate;
        double state = 0;
        for (var t = 0; t < n; t++)
        {
            state = keep * state + gain * eta[t];
        }

        state /= 1 - Math.Pow(keep, n);
        for (var t = 0; t < n; t++)
        {
            h[t] = state;
            state = keep * state + gain * eta[t];
        }
    }
}
