namespace OrleansSweep.Science.Models;

/// <summary>The scalar nonlinearities of §A.0: the logistic gate and its derivative in the (value, gain) form.</summary>
internal static class Activation
{
    /// <summary>σ(x) = 1/(1 + e^(−x)), evaluated without overflow for either sign of x.</summary>
    public static double Sigmoid(double x)
    {
        if (x >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-x));
        }

        var e = Math.Exp(x);
        return e / (1.0 + e);
    }

    /// <summary>d/dx σ(α x + b) written through its value s: α s (1 − s) (§A.0).</summary>
    public static double SigmoidSlope(double gain, double value) => gain * value * (1.0 - value);

    /// <summary>d/dx tanh(g x + β) written through its value φ: g (1 − φ²).</summary>
    public static double TanhSlope(double gain, double value) => gain * (1.0 - value * value);
}
