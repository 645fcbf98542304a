namespace OrleansSweep.Sweeps.Output;

/// <summary>Typeset labels for parameter symbols and metric columns (axis labels and colour bars).</summary>
public static class SymbolLabels
{
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["n"] = "N", ["g"] = "g", ["gH"] = "g_h", ["gZ"] = "g_z", ["gR"] = "g_r", ["gF"] = "g_f", ["gI"] = "g_i", ["gO"] = "g_o", ["gG"] = "g_g",
        ["bH"] = "b_h", ["bZ"] = "b_z", ["bR"] = "b_r", ["bF"] = "b_f", ["bI"] = "b_i", ["bO"] = "b_o", ["bG"] = "b_g",
        ["betaH"] = "β_h", ["alphaZ"] = "α_z", ["alphaR"] = "α_r", ["tauZ"] = "τ_z", ["tauR"] = "τ_r", ["dt"] = "dt",
        ["sigmaW2"] = "σ_w²", ["sigmaV2"] = "σ_v²", ["sigmaB2"] = "σ_b²", ["muB"] = "μ_b", ["R"] = "R",
    };

    private static readonly Dictionary<string, string> Metrics = new(StringComparer.Ordinal)
    {
        ["lyapunov_max"] = "λ_max (measured)",
        ["theory_lyapunov_max"] = "λ_max (theory)",
        ["lyapunov_sum"] = "Σλ_i",
        ["kaplan_yorke_dimension"] = "Kaplan–Yorke dimension",
        ["entropy_rate"] = "entropy rate Σλ⁺",
        ["spectral_radius"] = "spectral radius",
        ["spectral_abscissa"] = "spectral abscissa",
        ["slow_mode_fraction"] = "slow-mode fraction",
        ["fixed_points"] = "fixed points found",
        ["fixed_points_stable"] = "stable fixed points",
        ["mean_square_activity"] = "⟨h²⟩",
    };

    public static string Parameter(string symbol) => Parameters.GetValueOrDefault(symbol, symbol);

    public static string Metric(string column) => Metrics.GetValueOrDefault(column, column.Replace('_', ' '));
}
