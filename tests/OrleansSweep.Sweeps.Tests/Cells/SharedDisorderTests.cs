using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Grid;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Cells;

/// <summary>
/// What a worker draws for shared disorder: one network per realisation, seen at every parameter point. For the rate
/// model f(x) = −x + J tanh(x) with J = g X, the Jacobian at the origin is −I + g X, so at g = 2 it is exactly
/// −I + 2 (J₁ + I) of the cell at g = 1 when X is shared, and unrelated when each cell draws its own.
/// </summary>
public class SharedDisorderTests
{
    private const int Units = 12;

    [Fact]
    public void Cells_at_two_gains_see_one_coupling_matrix_scaled()
    {
        var (atOne, atTwo) = CouplingsAtGainsOneAndTwo("shared");

        for (var i = 0; i < atOne.Length; i++)
        {
            Assert.Equal(2 * atOne[i], atTwo[i], 1e-12);
        }
    }

    [Fact]
    public void Cells_with_their_own_disorder_do_not()
    {
        var (atOne, atTwo) = CouplingsAtGainsOneAndTwo("per-cell");

        Assert.True(Enumerable.Range(0, atOne.Length).Count(i => Math.Abs(2 * atOne[i] - atTwo[i]) > 1e-6) > atOne.Length / 2);
    }

    /// <summary>J + I at the origin (the couplings g X) of realisation 0 in the cells at g = 1 and g = 2.</summary>
    private static (double[] AtOne, double[] AtTwo) CouplingsAtGainsOneAndTwo(string disorder)
    {
        var sweep = Parse($$"""
            {
              "name": "shared", "model": "rate", "n": {{Units}}, "seed": 3, "disorder": "{{disorder}}",
              "grid": { "g": { "values": [1, 2] } },
              "analyses": { "lyapunov": {} }
            }
            """);
        var couplings = SweepGrid.Expand(sweep).Select(Couplings).ToList();
        return (couplings[0], couplings[1]);
    }

    private static double[] Couplings(CellDefinition cell)
    {
        var network = NetworkFactory.Create(
            new NetworkSpec(cell.Family, cell.N, cell.Parameters), NetworkStreams.For(cell.Seed, CellKeys.NetworkKey(cell), 0), DenseKernels.Managed);
        var jacobian = new double[Units * Units];
        network.Jacobian(0, new double[Units], jacobian);
        for (var i = 0; i < Units; i++)
        {
            jacobian[(i * Units) + i] += 1;
        }

        return jacobian;
    }
}
