using OrleansSweep.Science.Theory.Quadrature;

namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// The autocorrelation Δ(τ), τ ≥ 0, from the conservative particle equation Δ'' = Δ − ν(Δ) with Δ(0) = Δ0,
/// Δ'(0) = 0 (§B.3), by classical RK4.
/// </summary>
/// <remarks>
/// Integration stops when Δ &lt; 10⁻⁶·Δ0 (§B.4), when Δ' ≥ 0 or Δ &lt; 0 (the particle turns back or overshoots
/// because Δ0 is exact only to round-off), or at the end of the grid. From there on Δ decays as the linearisation
/// about the hilltop Δ = 0 dictates, Δ ∝ exp(−κτ) with κ = √(1 − K(0)); the potential K(Δ) is then within
/// O(10⁻⁶Δ0) of K(0), so the tail affects E_0 negligibly. RK4's local error is O(h⁵) (h = 0.01: ≈ 10⁻¹⁰).
/// </remarks>
internal static class ParticleTrajectory
{
    /// <summary>Δ at τ = i·step for i = 0 … count − 1.</summary>
    public static double[] Integrate(ChebyshevSeries nu, double delta0, double tailRate, double step, int count, CancellationToken ct)
    {
        var result = new double[count];
        result[0] = delta0;
        double delta = delta0, velocity = 0;
        var i = 1;
        for (; i < count; i++)
        {
            if ((i & 1023) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var k1x = velocity;
            var k1v = delta - nu.Evaluate(delta);
            var x2 = delta + 0.5 * step * k1x;
            var v2 = velocity + 0.5 * step * k1v;
            var k2v = x2 - nu.Evaluate(x2);
            var x3 = delta + 0.5 * step * v2;
            var v3 = velocity + 0.5 * step * k2v;
            var k3v = x3 - nu.Evaluate(x3);
            var x4 = delta + step * v3;
            var v4 = velocity + step * k3v;
            var k4v = x4 - nu.Evaluate(x4);
            var nextDelta = delta + step / 6 * (k1x + 2 * v2 + 2 * v3 + v4);
            var nextVelocity = velocity + step / 6 * (k1v + 2 * k2v + 2 * k3v + k4v);
            if (nextDelta <= 0 || nextVelocity >= 0)
            {
                break;
            }

            delta = nextDelta;
            velocity = nextVelocity;
            result[i] = delta;
            if (delta < 1e-6 * delta0)
            {
                i++;
                break;
            }
        }

        // Exponential tail from the last accepted point.
        var last = i - 1;
        for (var j = i; j < count; j++)
        {
            result[j] = result[last] * Math.Exp(-tailRate * (j - last) * step);
        }

        return result;
    }
}
