namespace OrleansSweep.Science.Models;

/// <summary>Whether a system is a map x_{t+1} = F_t(x_t) or a flow dx/dt = f(x).</summary>
public enum TimeKind
{
    Discrete,
    Continuous,
}
