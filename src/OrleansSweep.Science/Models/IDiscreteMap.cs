namespace OrleansSweep.Science.Models;

/// <summary>
/// A map that an analysis iterates: a discrete-time network (one step = one time unit), or a flow discretised
/// by an integrator (one step = <see cref="TimeStep"/> time units). Exponents of the map divided by
/// <see cref="TimeStep"/> estimate those of the flow, because the tangent map is the exact derivative of the
/// discrete map actually iterated.
/// </summary>
public interface IDiscreteMap : IDynamicalSystem
{
    /// <summary>Time units per step: 1 for discrete-time networks, dt for discretised flows.</summary>
    double TimeStep { get; }
}
