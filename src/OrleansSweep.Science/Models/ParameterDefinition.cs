namespace OrleansSweep.Science.Models;

/// <summary>How a parameter's value is read: a real number, a 0/1 flag, or an index into named choices.</summary>
public enum ParameterKind
{
    Real,
    Flag,
    Choice,
}

/// <summary>
/// One parameter of a model family, named with the symbol of its paper (camelCase ASCII: <c>gH</c> for g_h,
/// <c>alphaZ</c> for α_z, <c>bR</c> for b_r, <c>sigmaW2</c> for σ_w²).
/// </summary>
/// <remarks>
/// Every value is carried as a double so that cells hash and sweep uniformly: flags are 0 or 1, and a choice is
/// the index into <see cref="Choices"/>. <see cref="IsVariance"/> marks a variance, which must be ≥ 0.
/// </remarks>
public sealed record ParameterDefinition(
    string Name,
    ParameterKind Kind,
    double DefaultValue,
    string Description,
    double Minimum = double.NegativeInfinity,
    double Maximum = double.PositiveInfinity,
    bool IsVariance = false,
    IReadOnlyList<string>? Choices = null)
{
    public static ParameterDefinition Real(string name, double defaultValue, string description, double minimum = double.NegativeInfinity, double maximum = double.PositiveInfinity) =>
        new(name, ParameterKind.Real, defaultValue, description, minimum, maximum);

    public static ParameterDefinition Variance(string name, double defaultValue, string description) =>
        new(name, ParameterKind.Real, defaultValue, description, 0.0, double.PositiveInfinity, IsVariance: true);

    public static ParameterDefinition Flag(string name, bool defaultValue, string description) =>
        new(name, ParameterKind.Flag, defaultValue ? 1 : 0, description, 0, 1);

    public static ParameterDefinition Choice(string name, string description, params string[] choices) =>
        new(name, ParameterKind.Choice, 0, description, 0, choices.Length - 1, Choices: choices);
}
