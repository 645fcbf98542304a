using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// Orthonormalises the columns of an m×k matrix A in place by Cholesky QR (Gram matrix, Cholesky, triangular solve:
/// all level-3 BLAS), repeated once when needed (CholeskyQR2) and with Householder QR as the fallback, and returns
/// diag(R) of A = QR. This is the re-orthonormalisation of the Lyapunov (Benettin) loop.
/// </summary>
/// <remarks>
/// <para>Why: one pass costs 2mk² + k³/3 flops, all in the GEMM-like kernels that run near the machine's DGEMM rate,
/// while Householder QR with Q formed costs about as many flops but runs at a third to a half of that rate (LAPACK's
/// panel factorisation is level-2). Measured with OpenBLAS at m = k = 256: one pass 0.93 ms, dgeqrf + dorgqr 1.8 ms.</para>
/// <para>Accuracy: one pass loses orthogonality like ε·κ(A)² (Yamamoto et al., 2015), which is negligible for a
/// tangent basis re-orthonormalised every t_ONS (κ stays near e^{(λ₁−λ_k)·t_ONS}). Rather than trust that bound, every
/// pass is followed by an estimate of ‖QᵀQ − I‖_F: √k·‖(QᵀQ − I)·z‖ for a fixed random unit z, whose square has
/// expectation ‖QᵀQ − I‖_F² ≥ ‖QᵀQ − I‖₂² (two matrix–vector products, about 2% of a pass). Above
/// <see cref="OrthogonalityTolerance"/> a second pass runs, which restores orthogonality to O(ε) for κ(A) up to ~1/√ε; if the Gram matrix is not positive definite
/// (κ(A) ≳ 1/√ε, rank deficiency) or the second pass is still not orthonormal, Householder QR of
/// the original A gives the answer. Every path yields the same Q and diag(R) up to rounding, since the thin QR with
/// diag(R) &gt; 0 is unique; the path taken depends only on the input, so results stay deterministic.</para>
/// <para>Only the diagonal of R is returned (the product of the passes' diagonals, as R = R₂·R₁ is a product of
/// upper-triangular factors): the growth factors are all Benettin needs, and forming R₂·R₁ would cost k³/3 more.
/// One instance serves one shape and is not thread-safe; all scratch is allocated in the constructor.</para>
/// <para>Either <see cref="BasisLayout"/>: with one vector per row the same three calls run in their row forms
/// (<see cref="IDenseKernels.GramOfRows"/>, <see cref="IDenseKernels.SolveUpperTriangularTransposedLeft"/>), and the
/// Householder fallback transposes in and out.</para>
/// </remarks>
public sealed class CholeskyQr
{
    /// <summary>Largest accepted estimate of ‖QᵀQ − I‖_F after a Cholesky pass.</summary>
    public const double OrthogonalityTolerance = 1e-12;

    private const int MaximumPasses = 2;

    private readonly IDenseKernels kernels;
    private readonly double[] gram;
    private readonly double[] original;
    private readonly double[] start;
    private readonly double[] probe;
    private readonly double[] image;
    private readonly double[] columns;

    /// <summary>Prepares the scratch for m×k inputs (m ≥ k ≥ 0), one vector per column.</summary>
    public CholeskyQr(IDenseKernels kernels, int m, int k)
        : this(kernels, m, k, BasisLayout.Columns)
    {
    }

    /// <summary>Prepares the scratch for k vectors of length m (m ≥ k ≥ 0) stored in <paramref name="layout"/>.</summary>
    public CholeskyQr(IDenseKernels kernels, int m, int k, BasisLayout layout)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfLessThan(m, k);
        this.kernels = kernels;
        Rows = m;
        Columns = k;
        Layout = layout;
        columns = layout == BasisLayout.Rows ? new double[m * k] : [];
        gram = new double[k * k];
        original = new double[m * k];
        probe = new double[k];
        image = new double[m];
        start = new double[k];
        new RandomStream(0xC0_1E5C_A0_0EUL).FillGaussian(start);
        if (k > 0)
        {
            VectorOps.Scale(1.0 / Math.Sqrt(VectorOps.Dot(start, start)), start);
        }
    }

    /// <summary>m, the number of rows.</summary>
    public int Rows { get; }

    /// <summary>k, the number of columns.</summary>
    public int Columns { get; }

    /// <summary>Whether the k vectors are the columns of an m×k matrix or the rows of a k×m one.</summary>
    public BasisLayout Layout { get; }

    /// <summary>
    /// A ← Q (orthonormal vectors, the same span) and <paramref name="diagonalOfR"/> ← diag(R) ≥ 0 of A = QR (A being
    /// the m×k matrix of the k vectors, whichever <see cref="Layout"/> stores them).
    /// </summary>
    /// <remarks>
    /// A (m×k with leading dimension k, or k×m with leading dimension m for <see cref="BasisLayout.Rows"/>) with non-finite entries returns <see cref="OrthonormalisationPath.NotFinite"/>
    /// with diag(R) = NaN for the caller to report. A column dependent on the previous ones gives a zero R_jj.
    /// </remarks>
    public OrthonormalisationPath Orthonormalise(Span<double> a, Span<double> diagonalOfR)
    {
        DenseArguments.Vector("a", Rows * Columns, a.Length);
        DenseArguments.Vector("diagonalOfR", Columns, diagonalOfR.Length);
        var k = Columns;
        if (k == 0)
        {
            return OrthonormalisationPath.CholeskyOnePass;
        }

        a[..(Rows * k)].CopyTo(original);
        diagonalOfR[..k].Fill(1.0);
        for (var pass = 1; pass <= MaximumPasses; pass++)
        {
            if (Layout == BasisLayout.Rows)
            {
                kernels.GramOfRows(a, k, Rows, gram);
            }
            else
            {
                kernels.Gram(a, Rows, k, gram);
            }

            if (pass == 1 && !DiagonalIsFinite())
            {
                // The diagonal holds the columns' squared norms: not finite when an entry is not, or when a norm
                // overflows, which Householder QR (it scales its norms) still factors.
                if (!ManagedDenseKernels.AllFinite(original))
                {
                    diagonalOfR[..k].Fill(double.NaN);
                    return OrthonormalisationPath.NotFinite;
                }

                break;
            }

            if (!TryCholeskyPass(a, diagonalOfR))
            {
                break;
            }

            // NaN fails the comparison too, and so falls through to Householder.
            if (EstimateOrthogonalityLoss(a) <= OrthogonalityTolerance)
            {
                return pass == 1 ? OrthonormalisationPath.CholeskyOnePass : OrthonormalisationPath.CholeskyTwoPasses;
            }
        }

        HouseholderOfOriginal(a);
        for (var j = 0; j < k; j++)
        {
            diagonalOfR[j] = gram[(j * k) + j];
        }

        return OrthonormalisationPath.Householder;
    }

    /// <summary>With G = AᵀA in the scratch: R ← chol(G), A ← A·R⁻¹, diag ← diag·diag(R); false (A unchanged) when G is not positive definite.</summary>
    private bool TryCholeskyPass(Span<double> a, Span<double> diagonalOfR)
    {
        var k = Columns;
        if (!kernels.CholeskyUpper(gram, k))
        {
            return false;
        }

        if (Layout == BasisLayout.Rows)
        {
            kernels.SolveUpperTriangularTransposedLeft(a, k, Rows, gram);
        }
        else
        {
            kernels.SolveUpperTriangularRight(a, Rows, k, gram);
        }

        for (var j = 0; j < k; j++)
        {
            diagonalOfR[j] *= gram[(j * k) + j];
        }

        return true;
    }

    /// <summary>a ← Q of the Householder QR of the original input (R into the Gram scratch), in the caller's layout.</summary>
    private void HouseholderOfOriginal(Span<double> a)
    {
        if (Layout == BasisLayout.Columns)
        {
            original.AsSpan().CopyTo(a);
            kernels.QrThin(a, Rows, Columns, gram);
            return;
        }

        Transposition.Run(original, Columns, Rows, Rows, columns, Columns);
        kernels.QrThin(columns, Rows, Columns, gram);
        Transposition.Run(columns, Rows, Columns, Columns, a, Rows);
    }

    private bool DiagonalIsFinite()
    {
        for (var j = 0; j < Columns; j++)
        {
            if (!double.IsFinite(gram[(j * Columns) + j]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// √k·‖E·z‖ with E = QᵀQ − I and z the fixed random unit vector (E·z = Qᵀ(Q·z) − z): squared, an unbiased estimate
    /// of ‖E‖_F² ≥ ‖E‖₂², so it errs on the side of a second pass; NaN when Q holds non-finite values.
    /// </summary>
    /// <remarks>
    /// Two matrix–vector products and no iteration: the quantity compared with the tolerance is already a bound in
    /// expectation, not a lower estimate that power iteration would have to sharpen. A z nearly orthogonal to E's
    /// dominant directions could underestimate it; the fixed z makes that reproducible, and its cost is a basis
    /// orthonormal to ~1e-10 instead of 1e-12.
    /// </remarks>
    private double EstimateOrthogonalityLoss(ReadOnlySpan<double> q)
    {
        start.CopyTo(probe);
        if (Layout == BasisLayout.Rows)
        {
            kernels.Gemv(true, Columns, Rows, 1.0, q, Rows, probe, 0.0, image);
            kernels.Gemv(false, Columns, Rows, 1.0, q, Rows, image, -1.0, probe);
        }
        else
        {
            kernels.Gemv(false, Rows, Columns, 1.0, q, Columns, probe, 0.0, image);
            kernels.Gemv(true, Rows, Columns, 1.0, q, Columns, image, -1.0, probe);
        }

        var norm = Math.Sqrt(VectorOps.Dot(probe, probe) * Columns);
        return double.IsFinite(norm) ? norm : double.NaN;
    }
}
