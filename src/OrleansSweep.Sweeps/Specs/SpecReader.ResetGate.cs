using OrleansSweep.Science.Models;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// The gated model's reset-gate time constant: <c>"tauR": 0</c> selects the adiabatic reset gate (τ_r → 0,
/// σ_r(J^r φ(h)) at every instant); a positive τ_r must be resolvable by the integration step.
/// </summary>
internal sealed partial class SpecReader
{
    /// <summary>
    /// 0 &lt; τ_r &lt; dt (fixed or at any grid point) is an error naming the field: forward Euler with dt &gt; τ_r overshoots
    /// the r relaxation (unstable beyond 2τ_r), and the intended limit is written τ_r = 0.
    /// </summary>
    private void CheckResetGate()
    {
        if (model != ModelFamily.Gated || errors.Any("parameters") || errors.Any("grid"))
        {
            return;
        }

        IEnumerable<double> Values(string parameter)
        {
            var axis = axes.FirstOrDefault(a => a.Name == parameter);
            return axis is not null ? axis.Points() : [parameters.TryGetValue(parameter, out var value) ? value : ModelCatalog.ParametersOf(ModelFamily.Gated).First(d => d.Name == parameter).DefaultValue];
        }

        var largestStep = Values("dt").Max();
        var tooShort = Values("tauR").Where(t => t > 0 && t < largestStep).ToList();
        if (tooShort.Count > 0)
        {
            var field = axes.Any(a => a.Name == "tauR") ? "grid.tauR" : "parameters.tauR";
            errors.Add(
                field,
                $"is {CanonicalNumber.Show(tooShort.Min())}, shorter than the integration step dt = {CanonicalNumber.Show(largestStep)}: the r gate would not be resolved.",
                "use tauR = 0 for the adiabatic reset gate (τ_r → 0, r = J^r φ(h) at every instant), or tauR ≥ dt (better ≥ 10·dt)");
        }
    }
}
