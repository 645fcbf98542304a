using OrleansSweep.Science.Integration;

namespace OrleansSweep.Science.Models;

/// <summary>Builds a flow family's step map from its <c>integrator</c> and <c>dt</c> parameters.</summary>
internal static class FlowIntegrator
{
    public static IDiscreteMap StepMapOf(IRecurrentNetwork flow)
    {
        var dt = flow.Parameters["dt"];
        return ParameterValues.Choice(flow.Family, flow.Parameters, "integrator") switch
        {
            "rk4" => FlowMaps.RungeKutta4(flow, dt),
            _ => FlowMaps.Euler(flow, dt),
        };
    }
}
