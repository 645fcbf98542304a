using System.Numerics;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

/// <summary>
/// Regression for the managed eigensolver on the gated-RNN Jacobian at the zero fixed point (§B.2 item 1): a 3N×3N
/// block-triangular matrix with the N-fold eigenvalues −1/τ_z and −1/τ_r and a disk. The managed solver used to
/// return false here (its double-shift polynomial lost every digit on the exactly repeated eigenvalues).
/// </summary>
public class GatedJacobianEigenvaluesTests
{
    private const double TauZ = 0.2;
    private const double TauR = 10.0;

    public static TheoryData<string, int, ulong> Cases
    {
        get
        {
            var data = new TheoryData<string, int, ulong>();
            foreach (var (n, seed) in new[] { (60, 11UL), (60, 12UL), (20, 11UL) })
            {
                data.Add("mathnet", n, seed);
                if (DenseKernels.OpenBlas is not null)
                {
                    data.Add("openblas", n, seed);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Zero_fixed_point_Jacobian_converges_and_agrees_with_the_reference(string reference, int n, ulong seed)
    {
        var (jacobian, d) = ZeroFixedPointJacobian(n, seed);
        var managed = Solve(DenseKernels.Managed, jacobian, d);
        var expected = Solve(KernelSource.Get(reference), jacobian, d);

        // Nearest-partner matching is the order-independent form of "sort both and compare".
        var distance = TestMatrices.MatchDistance(expected, managed);
        Assert.True(distance <= 1e-9, $"managed vs {reference}, N={n}, seed {seed}: eigenvalues differ by {distance:E2}");
    }

    [Theory]
    [InlineData(60, 11UL)]
    [InlineData(60, 12UL)]
    [InlineData(20, 13UL)]
    public void Zero_fixed_point_spectrum_is_the_gate_eigenvalues_plus_the_h_block(int n, ulong seed)
    {
        var (jacobian, d) = ZeroFixedPointJacobian(n, seed);
        var lambda = Solve(DenseKernels.Managed, jacobian, d);

        // Block-triangular structure (§B.2 item 1): −1/τ_z and −1/τ_r exactly N times each ...
        Assert.Equal(n, lambda.Count(z => Complex.Abs(z + (1.0 / TauZ)) <= 1e-8));
        Assert.Equal(n, lambda.Count(z => Complex.Abs(z + (1.0 / TauR)) <= 1e-8));

        // ... and the others are the eigenvalues of the h-h block (MathNet keeps this reference independent).
        var hBlock = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            jacobian.AsSpan(i * d, n).CopyTo(hBlock.AsSpan(i * n, n));
        }

        var bulk = lambda.Where(z => Complex.Abs(z + (1.0 / TauZ)) > 1e-8 && Complex.Abs(z + (1.0 / TauR)) > 1e-8).ToArray();
        var hEigenvalues = Solve(MathNetReferenceKernels.Instance, hBlock, n);
        Assert.True(TestMatrices.MatchDistance(hEigenvalues, bulk) <= 1e-10, "bulk differs from the h-block spectrum");

        // Power-sum invariants: Σλ = tr J and Σλ² = tr J².
        var trace = Enumerable.Range(0, d).Sum(i => jacobian[(i * d) + i]);
        var traceOfSquare = TraceOfSquare(jacobian, d);
        var sum = lambda.Aggregate(Complex.Zero, (s, z) => s + z);
        var sumOfSquares = lambda.Aggregate(Complex.Zero, (s, z) => s + (z * z));
        Assert.True(Complex.Abs(sum - trace) <= 1e-12 * Math.Abs(trace), $"Σλ = {sum} vs tr J = {trace}");
        Assert.True(Complex.Abs(sumOfSquares - traceOfSquare) <= 1e-11 * Math.Abs(traceOfSquare), $"Σλ² = {sumOfSquares} vs tr J² = {traceOfSquare}");
    }

    [Fact]
    public void Gate_blocks_hidden_by_an_orthogonal_similarity_still_converge_with_their_multiplicities()
    {
        // Q·J·Qᵀ has the same spectrum but no zero pattern for balancing to exploit: the clusters at −5 and −0.1
        // must be resolved by the QR iteration itself. Semisimple eigenvalues move only by O(ε‖J‖).
        const int n = 40;
        var (jacobian, d) = ZeroFixedPointJacobian(n, 11);
        var hidden = TestMatrices.Similar(TestMatrices.RandomOrthogonal(new RandomStream(0x6A7E), d), jacobian, d);
        var lambda = Solve(DenseKernels.Managed, hidden, d);
        Assert.Equal(n, lambda.Count(z => Complex.Abs(z + (1.0 / TauZ)) <= 1e-11));
        Assert.Equal(n, lambda.Count(z => Complex.Abs(z + (1.0 / TauR)) <= 1e-11));
        var expected = Solve(DenseKernels.Managed, jacobian, d);
        Assert.True(TestMatrices.MatchDistance(expected, lambda) <= 1e-11);
    }

    /// <summary>The brief's reproducer: g_h = 1.5, b_z = 0.2, b_r = −0.5, α_z = α_r = 4, τ_z = 0.2, τ_r = 10, at x = 0.</summary>
    private static (double[] Jacobian, int Dimension) ZeroFixedPointJacobian(int n, ulong seed)
    {
        var parameters = new Dictionary<string, double>
        {
            ["gH"] = 1.5, ["bZ"] = 0.2, ["bR"] = -0.5, ["alphaZ"] = 4.0, ["alphaR"] = 4.0, ["tauZ"] = TauZ, ["tauR"] = TauR,
        };
        var network = NetworkFactory.Create(
            new NetworkSpec(ModelFamily.Gated, n, parameters), NetworkStreams.For(seed, $"test/Gated/{n}", 0), DenseKernels.Managed);
        var d = network.Dimension;
        var jacobian = new double[d * d];
        network.Jacobian(0, new double[d], jacobian);
        return (jacobian, d);
    }

    private static double TraceOfSquare(double[] a, int n)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                sum += a[(i * n) + j] * a[(j * n) + i];
            }
        }

        return sum;
    }

    private static Complex[] Solve(IDenseKernels kernels, double[] a, int n)
    {
        var lambda = new Complex[n];
        Assert.True(kernels.Eigenvalues(a, n, lambda), $"{kernels.Name}: no convergence at n = {n}");
        return lambda;
    }
}
