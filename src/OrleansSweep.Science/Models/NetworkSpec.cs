namespace OrleansSweep.Science.Models;

/// <summary>What to build: a model family, its number of units N and (possibly partial) parameter values.</summary>
/// <remarks>
/// Missing parameters take the defaults of <see cref="ModelCatalog"/>; <see cref="NetworkFactory.Create"/> resolves
/// them through <see cref="ModelCatalog.Resolve"/> and rejects unknown names or values outside a parameter's range.
/// Flags are 0/1 and choices are indices into <see cref="ParameterDefinition.Choices"/> (e.g. integrator 0 = euler,
/// 1 = rk4; weights 0 = gaussian, 1 = orthogonal).
/// </remarks>
public sealed record NetworkSpec(ModelFamily Family, int N, IReadOnlyDictionary<string, double> Parameters);
