namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// The theory analysis: the closed-form and mean-field predictions of science.md §B for the cell's model (zero
/// fixed-point stability, static and dynamical mean field, CPS signal propagation). It has no knobs yet.
/// JSON: <c>"theory": {}</c> or <c>"theory": true</c>.
/// </summary>
public sealed record TheorySettings
{
    internal static IReadOnlyList<string> KnobNames { get; } = [];

    internal static IReadOnlyList<Knob> Knobs() => [];
}
