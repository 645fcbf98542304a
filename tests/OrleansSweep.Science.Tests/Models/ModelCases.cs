using System.Globalization;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.Tests.Models;

/// <summary>
/// Parameter points that exercise every term of every Jacobian: defaults, non-zero biases, large gains (α_r = 10,
/// g_z = 10), inputs on at a fixed step, orthogonal and untied weights. Written as "name=value;…" so that test names
/// show them.
/// </summary>
internal static class ModelCases
{
    public static readonly int[] Sizes = [3, 17, 40];

    public static TheoryData<ModelFamily, string> All => new()
    {
        { ModelFamily.Vanilla, "sigmaW2=1.5" },
        { ModelFamily.Vanilla, "sigmaW2=2.5;sigmaB2=0.3;muB=0.2;sigmaV2=1;R=0.5" },
        { ModelFamily.Vanilla, "sigmaW2=1.2;sigmaB2=0.1;weights=1;sigmaV2=0.5;R=1" },
        { ModelFamily.Vanilla, "sigmaW2=1.5;sigmaV2=1;R=1;untied=1" },
        { ModelFamily.Rate, "g=1.5" },
        { ModelFamily.Rate, "g=3;integrator=1" },
        { ModelFamily.Minimal, string.Empty },
        { ModelFamily.Minimal, "sigmaW2=4;muB=2;sigmaB2=0.5;R=0" },
        { ModelFamily.Minimal, "sigmaW2=2;weights=1;muB=-0.5;R=0.7" },
        { ModelFamily.Minimal, "sigmaW2=3;untied=1" },
        { ModelFamily.Gru, string.Empty },
        { ModelFamily.Gru, "gZ=10;gR=10;bZ=-1;bR=0.5;bH=0.3" },
        { ModelFamily.Gru, "gH=1.5;bZ=2;bR=-1" },
        { ModelFamily.Lstm, string.Empty },
        { ModelFamily.Lstm, "gF=5;bF=3;bI=-1;bO=1;bG=0.5" },
        { ModelFamily.Lstm, "gO=10;gG=0.5;gI=6" },
        { ModelFamily.Gated, string.Empty },
        { ModelFamily.Gated, "alphaZ=10;alphaR=10;bZ=-1;bR=0.5;betaH=0.2;tauZ=2;tauR=0.5" },
        { ModelFamily.Gated, "gH=1.5;alphaZ=15;alphaR=10;integrator=1;dt=0.1" },
        { ModelFamily.Gated, "alphaZ=10;alphaR=10;bZ=-1;bR=0.5;betaH=0.2;tauZ=2;tauR=0" }, // adiabatic reset gate
        { ModelFamily.Gated, "gH=2.5;alphaR=6;bR=-1;tauR=0;integrator=1" },
    };

    public static TheoryData<ModelFamily, string> Flows => new()
    {
        { ModelFamily.Rate, "g=2.5" },
        { ModelFamily.Gated, "alphaZ=10;alphaR=10;bZ=-1;bR=0.5;betaH=0.2;tauZ=2;tauR=0.5" },
        { ModelFamily.Gated, "gH=4;alphaZ=3;alphaR=3;dt=0.1" },
        { ModelFamily.Gated, "gH=3;alphaZ=3;alphaR=8;bR=-1;tauR=0" },
    };

    /// <summary>The step at which driven networks are evaluated (any fixed t: inputs and untied weights depend on it).</summary>
    public const long Step = 7;

    public static Dictionary<string, double> Parse(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
}
