namespace OrleansSweep.Reports.Tests;

/// <summary>
/// Synthetic phase maps shaped like the canonical sweeps of science.md §E (S1, S10/S11). The fields are smooth closed
/// forms chosen to exercise the renderer (sign change, missing cells, decades), not physics.
/// </summary>
internal static class SampleMaps
{
    public static Axis GH { get; } = new("gH", "g_h", null, Range(0.5, 6.0, 0.1));

    public static Axis AlphaR { get; } = new("alphaR", "α_r", null, Range(0.0, 20.0, 0.5));

    /// <summary>Synthetic onset of chaos, decreasing with α_r from 2 (the b_r = 0 zero-FP line of §B.5).</summary>
    public static double SyntheticOnset(double alphaR) => 2.0 - (0.6 * (1 - Math.Exp(-alphaR / 6)));

    /// <summary>S1-like λ_max over g_h × α_r with a sign change, three failed cells and one NaN.</summary>
    public static HeatMapData LambdaMax()
    {
        var values = new double?[GH.Values.Count, AlphaR.Values.Count];
        for (var i = 0; i < GH.Values.Count; i++)
        {
            for (var j = 0; j < AlphaR.Values.Count; j++)
            {
                var g = GH.Values[i];
                values[i, j] = (0.3 * Math.Tanh(1.5 * (g - SyntheticOnset(AlphaR.Values[j])))) - (0.02 * (1 - (g / 6)));
            }
        }

        values[50, 38] = null;
        values[51, 38] = null;
        values[50, 39] = null;
        values[10, 5] = double.NaN;
        return new HeatMapData(GH, AlphaR, "lambdaMax", "λ_max", values);
    }

    public static HeatMapOptions LambdaMaxOptions() => new(
        "Maximum Lyapunov exponent λ_max (synthetic)",
        "S1 slice b_r = 0, α_z = 0, N = 100 — demo field, not a simulation",
        DrawZeroContour: true,
        Overlays:
        [
            new OverlayLine("g_h σ(b_r) = 1 (zero FP unstable)", [(2.0, -5.0), (2.0, 25.0)]),
            new OverlayLine("synthetic g_FP", Enumerable.Range(0, 51).Select(k => (2.0 - (0.8 * (1 - Math.Exp(-k * 0.5 / 5))), k * 0.5)).ToList()),
        ]);

    /// <summary>S10/S11-like timescale ξ over a log σ_w² axis and μ_b: positive, spanning about three decades.</summary>
    public static HeatMapData Timescale()
    {
        var sigma = Enumerable.Range(0, 40).Select(k => 0.1 * Math.Pow(1000, k / 39.0)).ToArray();
        var mu = Range(-6, 8, 0.5);
        var values = new double?[sigma.Length, mu.Count];
        for (var i = 0; i < sigma.Length; i++)
        {
            for (var j = 0; j < mu.Count; j++)
            {
                values[i, j] = 1.0 / (Math.Abs(Math.Log(sigma[i]) - (0.1 * mu[j])) + 0.01);
            }
        }

        return new HeatMapData(
            new Axis("sigmaW2", "σ_w^2", null, sigma, Logarithmic: true), new Axis("muB", "μ_b", null, mu), "xi", "ξ (steps)", values);
    }

    /// <summary>f(x, y) = x − y on the given nodes.</summary>
    public static HeatMapData Difference(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        var values = new double?[xs.Count, ys.Count];
        for (var i = 0; i < xs.Count; i++)
        {
            for (var j = 0; j < ys.Count; j++)
            {
                values[i, j] = xs[i] - ys[j];
            }
        }

        return new HeatMapData(new Axis("x", "x", "a.u.", xs), new Axis("y", "y", "a.u.", ys), "diff", "x − y", values);
    }

    public static List<double> Range(double from, double to, double step)
    {
        var n = (int)Math.Round((to - from) / step) + 1;
        return Enumerable.Range(0, n).Select(k => Math.Round(from + (k * step), 10)).ToList();
    }

    /// <summary>The directory of sample outputs, under the test binaries.</summary>
    public static string OutputDirectory()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "reports");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
