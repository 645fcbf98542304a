namespace OrleansSweep.Sweeps.Specs;

/// <summary>The Lyapunov knob that takes a list: <c>initialScales</c> (bistability per cell, science.md §C).</summary>
internal sealed partial class SpecReader
{
    /// <summary>
    /// <c>initialScales</c>: a non-empty list of scales ≥ 0, or null when absent. Writing it beside <c>initialScale</c>
    /// is an error (two answers to one question).
    /// </summary>
    private static IReadOnlyList<double>? ReadInitialScales(KnobReader knobs)
    {
        const string name = LyapunovSettings.InitialScalesName;
        if (!knobs.Has(name))
        {
            return null;
        }

        if (knobs.Has("initialScale"))
        {
            knobs.Error(name, "is given together with initialScale.", "keep one: list every scale in initialScales, e.g. [1, 0.01], and remove initialScale");
        }

        return knobs.RealList(name, [LyapunovSettings.DefaultInitialScale], 0);
    }
}
