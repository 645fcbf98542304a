using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

/// <summary>
/// A third, independent implementation of the seam on MathNet.Numerics (managed provider), used only as a
/// reference in the agreement tests, so that the managed kernels are also checked when OpenBLAS is absent.
/// </summary>
internal sealed class MathNetReferenceKernels : IDenseKernels
{
    public static MathNetReferenceKernels Instance { get; } = new();

    public string Name => "mathnet";

    public void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
    {
        var opA = transposeA ? Read(a, k, m, lda).Transpose() : Read(a, m, k, lda);
        var opB = transposeB ? Read(b, n, k, ldb).Transpose() : Read(b, k, n, ldb);
        var product = opA * opB * alpha;
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                c[(i * ldc) + j] = product[i, j] + (beta == 0.0 ? 0.0 : beta * c[(i * ldc) + j]);
            }
        }
    }

    public void Gemv(
        bool transposeA, int m, int n, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> x,
        double beta, Span<double> y)
    {
        var matrix = Read(a, m, n, lda);
        var op = transposeA ? matrix.Transpose() : matrix;
        var input = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(x[..op.ColumnCount].ToArray());
        var product = op * input * alpha;
        for (var i = 0; i < op.RowCount; i++)
        {
            y[i] = product[i] + (beta == 0.0 ? 0.0 : beta * y[i]);
        }
    }

    public void QrThin(Span<double> a, int m, int k, Span<double> r)
    {
        var qr = Read(a, m, k, k).QR(QRMethod.Thin);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < k; j++)
            {
                a[(i * k) + j] = qr.Q[i, j];
            }
        }

        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                r[(i * k) + j] = j >= i ? qr.R[i, j] : 0.0;
            }
        }

        for (var j = 0; j < k; j++)
        {
            if (r[(j * k) + j] < 0)
            {
                for (var c = j; c < k; c++)
                {
                    r[(j * k) + c] = -r[(j * k) + c];
                }

                for (var i = 0; i < m; i++)
                {
                    a[(i * k) + j] = -a[(i * k) + j];
                }
            }
        }
    }

    public void Gram(ReadOnlySpan<double> a, int m, int k, Span<double> g) =>
        Write(Read(a, m, k, k).TransposeThisAndMultiply(Read(a, m, k, k)), g);

    public void GramOfRows(ReadOnlySpan<double> a, int k, int m, Span<double> g) =>
        Write(Read(a, k, m, m).TransposeAndMultiply(Read(a, k, m, m)), g);

    public void SolveUpperTriangularTransposedLeft(Span<double> a, int k, int m, ReadOnlySpan<double> r)
    {
        var values = r[..(k * k)].ToArray();
        var upper = Matrix<double>.Build.Dense(k, k, (i, j) => j >= i ? values[(i * k) + j] : 0.0);
        Write(upper.Transpose().Inverse() * Read(a, k, m, m), a);
    }

    public bool CholeskyUpper(Span<double> g, int k)
    {
        var values = g[..(k * k)].ToArray();
        var symmetric = Matrix<double>.Build.Dense(k, k, (i, j) => values[(Math.Min(i, j) * k) + Math.Max(i, j)]);
        try
        {
            // MathNet gives the lower factor L with G = L·Lᵀ; R = Lᵀ.
            Write(symmetric.Cholesky().Factor.Transpose(), g);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public void SolveUpperTriangularRight(Span<double> a, int m, int k, ReadOnlySpan<double> r)
    {
        var values = r[..(k * k)].ToArray();
        var upper = Matrix<double>.Build.Dense(k, k, (i, j) => j >= i ? values[(i * k) + j] : 0.0);
        Write(Read(a, m, k, k) * upper.Inverse(), a);
    }

    public bool Eigenvalues(ReadOnlySpan<double> a, int n, Span<Complex> eigenvalues)
    {
        var evd = Read(a, n, n, n).Evd(Symmetricity.Asymmetric);
        for (var i = 0; i < n; i++)
        {
            eigenvalues[i] = evd.EigenValues[i];
        }

        return true;
    }

    public bool LuSolve(Span<double> a, int n, Span<double> b, int nrhs)
    {
        var x = Read(a, n, n, n).LU().Solve(Read(b, n, nrhs, nrhs));
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < nrhs; j++)
            {
                b[(i * nrhs) + j] = x[i, j];
            }
        }

        return true;
    }

    private static void Write(Matrix<double> matrix, Span<double> values)
    {
        for (var i = 0; i < matrix.RowCount; i++)
        {
            for (var j = 0; j < matrix.ColumnCount; j++)
            {
                values[(i * matrix.ColumnCount) + j] = matrix[i, j];
            }
        }
    }

    private static Matrix<double> Read(ReadOnlySpan<double> values, int rows, int cols, int ld)
    {
        var matrix = Matrix<double>.Build.Dense(rows, cols);
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                matrix[i, j] = values[(i * ld) + j];
            }
        }

        return matrix;
    }
}
