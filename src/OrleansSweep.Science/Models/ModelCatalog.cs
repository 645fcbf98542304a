namespace OrleansSweep.Science.Models;

/// <summary>
/// The parameters of each model family, their defaults and meaning. Spec files, validation, cell ids and
/// the README table all read this one list.
/// </summary>
/// <remarks>
/// Conventions (chosen once; recorded with every result through <see cref="ConventionsText"/>):
/// gates are σ(α·x + b) with the bias <b>inside</b> the sigmoid and added (PRX writes β = −b);
/// GRU: h_t = (1 − z) ⊙ h_{t−1} + z ⊙ h̃, so z → 0 holds the state, and the reset gate multiplies h
/// <b>before</b> the matrix (h̃ = tanh(U_h (r ⊙ h) + b_h)); weights are N(0, g²/N) (PRX: N(0, 1/N) with the gain
/// inside φ); continuous time is measured in units of τ_h = 1.
/// </remarks>
public static class ModelCatalog
{
    /// <summary>The convention text stored beside every result (Parquet metadata).</summary>
    public const string ConventionsText =
        "gate(x)=1/(1+exp(-(alpha*x+b))) with bias b inside the sigmoid (PRX beta=-b); " +
        "gru: h=(1-z)*h_prev+z*htilde (z->0 holds), htilde=tanh(U_h (r*h_prev)+b_h) (reset before the matrix); " +
        "weights N(0,g^2/N) (vanilla/minimal: sigmaW2/N); continuous time in units of tau_h=1; " +
        "lstm state (h,c); gated state (h,z,r)";

    private static readonly ParameterDefinition Dt =
        ParameterDefinition.Real("dt", 0.05, "integration step in units of τ_h = 1 (keep well below min(τ_z, τ_r))", 1e-6, 1.0);

    private static readonly ParameterDefinition Integrator =
        ParameterDefinition.Choice("integrator", "time stepping scheme of the flow; the tangent map is its exact derivative", "euler", "rk4");

    private static readonly IReadOnlyList<ParameterDefinition> CpsInputs =
    [
        ParameterDefinition.Variance("sigmaV2", 0.0, "input weight variance σ_v² (V_ij ~ N(0, σ_v²/N))"),
        ParameterDefinition.Variance("R", 0.0, "per-component second moment of the i.i.d. Gaussian inputs x_t (0: autonomous)"),
        ParameterDefinition.Variance("sigmaB2", 0.0, "bias variance σ_b² (b_i ~ N(μ_b, σ_b²))"),
        ParameterDefinition.Real("muB", 0.0, "bias mean μ_b"),
        ParameterDefinition.Choice("weights", "recurrent weight ensemble: Gaussian N(0, σ_w²/N) or σ_w × Haar orthogonal", "gaussian", "orthogonal"),
        ParameterDefinition.Flag("untied", false, "redraw W (and V) every step, as the mean-field theory assumes (annealed)"),
    ];

    private static readonly Dictionary<ModelFamily, IReadOnlyList<ParameterDefinition>> Families = new()
    {
        [ModelFamily.Vanilla] =
        [
            ParameterDefinition.Variance("sigmaW2", 1.0, "recurrent weight variance σ_w² (W_ij ~ N(0, σ_w²/N))"),
            .. CpsInputs,
        ],
        [ModelFamily.Rate] =
        [
            ParameterDefinition.Real("g", 1.5, "coupling gain g (J_ij ~ N(0, g²/N))", 0.0),
            Dt,
            Integrator,
        ],
        [ModelFamily.Minimal] =
        [
            ParameterDefinition.Variance("sigmaW2", 1.0, "recurrent weight variance σ_w² (W_ij ~ N(0, σ_w²/N))"),
            .. CpsInputs.Select(p => p.Name switch
            {
                // The minimalRNN without input decays to zero; CPS's mean field uses σ_v² = 1, R = 1.
                "sigmaV2" => p with { DefaultValue = 1.0 },
                "R" => p with { DefaultValue = 1.0 },
                _ => p,
            }),
        ],
        [ModelFamily.Gru] =
        [
            ParameterDefinition.Real("gH", 3.0, "candidate weight gain g_h (U_h ~ N(0, g_h²/N))", 0.0),
            ParameterDefinition.Real("gZ", 1.0, "update-gate weight gain g_z (plays the role of α_z)", 0.0),
            ParameterDefinition.Real("gR", 1.0, "reset-gate weight gain g_r (plays the role of α_r)", 0.0),
            ParameterDefinition.Real("bH", 0.0, "candidate bias b_h"),
            ParameterDefinition.Real("bZ", 0.0, "update-gate bias b_z (z = σ(U_z h + b_z); z → 0 holds)"),
            ParameterDefinition.Real("bR", 0.0, "reset-gate bias b_r"),
        ],
        [ModelFamily.Lstm] =
        [
            ParameterDefinition.Real("gF", 2.0, "forget-gate weight gain (U_f ~ N(0, g_f²/N))", 0.0),
            ParameterDefinition.Real("gI", 2.0, "input-gate weight gain", 0.0),
            ParameterDefinition.Real("gO", 2.0, "output-gate weight gain", 0.0),
            ParameterDefinition.Real("gG", 2.0, "cell-candidate weight gain", 0.0),
            ParameterDefinition.Real("bF", 0.0, "forget-gate bias b_f (large b_f: f ≈ 1, slow modes)"),
            ParameterDefinition.Real("bI", 0.0, "input-gate bias b_i"),
            ParameterDefinition.Real("bO", 0.0, "output-gate bias b_o"),
            ParameterDefinition.Real("bG", 0.0, "cell-candidate bias b_g"),
        ],
        [ModelFamily.Gated] =
        [
            ParameterDefinition.Real("gH", 3.0, "gain g_h inside φ(h) = tanh(g_h h + β_h); J^h ~ N(0, 1/N)", 0.0),
            ParameterDefinition.Real("betaH", 0.0, "bias β_h inside φ"),
            ParameterDefinition.Real("alphaZ", 0.0, "update (z) gate gain α_z", 0.0),
            ParameterDefinition.Real("bZ", 0.0, "update gate bias b_z inside σ (PRX β_z = −b_z)"),
            ParameterDefinition.Real("alphaR", 0.0, "output (r) gate gain α_r", 0.0),
            ParameterDefinition.Real("bR", 0.0, "output gate bias b_r inside σ (PRX β_r = −b_r)"),
            ParameterDefinition.Real("tauZ", 1.0, "z-gate time constant τ_z", 1e-3),
            ParameterDefinition.Real("tauR", 1.0, "r-gate time constant τ_r; 0 = adiabatic reset gate σ_r(J^r φ(h)) at every instant (τ_r → 0, the Gaussian DMFT's limit)", 0.0),
            Dt,
            Integrator,
        ],
    };

    /// <summary>The spec name of a family: vanilla, rate, minimal, gru, lstm, gated.</summary>
    public static string NameOf(ModelFamily family) => family.ToString().ToLowerInvariant();

    public static bool TryParse(string name, out ModelFamily family) =>
        Enum.TryParse(name, ignoreCase: true, out family) && Enum.IsDefined(family) && !int.TryParse(name, out _);

    public static IReadOnlyList<ParameterDefinition> ParametersOf(ModelFamily family) => Families[family];

    /// <summary>Whether the family is a flow (integrated with <c>integrator</c> and <c>dt</c>).</summary>
    public static bool IsContinuous(ModelFamily family) => family is ModelFamily.Rate or ModelFamily.Gated;

    /// <summary>State dimension for N units.</summary>
    public static int StateDimension(ModelFamily family, int n) => family switch
    {
        ModelFamily.Lstm => 2 * n,
        ModelFamily.Gated => 3 * n,
        _ => n,
    };

    /// <summary>All parameters with defaults filled in; unknown names are an error (validation catches them earlier).</summary>
    public static IReadOnlyDictionary<string, double> Resolve(ModelFamily family, IReadOnlyDictionary<string, double>? values)
    {
        var resolved = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var definition in ParametersOf(family))
        {
            resolved[definition.Name] = definition.DefaultValue;
        }

        foreach (var (name, value) in values ?? new Dictionary<string, double>())
        {
            if (!resolved.ContainsKey(name))
            {
                throw new ArgumentException($"'{name}' is not a parameter of the {NameOf(family)} model.", nameof(values));
            }

            resolved[name] = value;
        }

        return resolved;
    }
}
