using System.Globalization;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.Integration;

/// <summary>
/// Discretisations of a flow dx/dt = f(x) into maps whose Jacobian and tangent map are the <b>exact</b> derivative of
/// the discrete map actually iterated (§A.2, "time discretisation"), so that the map's Lyapunov exponents divided by
/// dt estimate the flow's.
/// </summary>
/// <remarks>
/// Euler: F(x) = x + dt f(x), DF = I + dt·Df(x).
/// RK4: F(x) = x + dt/6 (k1 + 2k2 + 2k3 + k4) with the classical stages; DF·V = V + dt/6 (K1 + 2K2 + 2K3 + K4),
/// K1 = Df(x) V, K2 = Df(x2)(V + dt/2 K1), K3 = Df(x3)(V + dt/2 K2), K4 = Df(x4)(V + dt K3) (chain rule through the
/// stage points x2 = x + dt/2 k1, x3 = x + dt/2 k2, x4 = x + dt k3). The maps call the flow's Evaluate and
/// JacobianTimes with the step index t unchanged (flows here are autonomous). Maps hold scratch: not thread-safe,
/// and they share the flow instance's scratch, so use one flow and its maps from one thread.
/// </remarks>
public static class FlowMaps
{
    /// <summary>The forward-Euler map of <paramref name="flow"/> with step <paramref name="dt"/> (&gt; 0).</summary>
    public static IDiscreteMap Euler(IDynamicalSystem flow, double dt)
    {
        Validate(flow, dt);
        return new EulerMap(flow, dt);
    }

    /// <summary>The classical fourth-order Runge–Kutta map of <paramref name="flow"/> with step <paramref name="dt"/> (&gt; 0).</summary>
    public static IDiscreteMap RungeKutta4(IDynamicalSystem flow, double dt)
    {
        Validate(flow, dt);
        return new RungeKutta4Map(flow, dt);
    }

    private static void Validate(IDynamicalSystem flow, double dt)
    {
        ArgumentNullException.ThrowIfNull(flow);
        if (flow.Time != TimeKind.Continuous)
        {
            throw new ArgumentException("Only a flow (TimeKind.Continuous) can be discretised.", nameof(flow));
        }

        if (!double.IsFinite(dt) || dt <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dt), string.Create(CultureInfo.InvariantCulture, $"dt must be finite and positive, got {dt}."));
        }
    }
}
