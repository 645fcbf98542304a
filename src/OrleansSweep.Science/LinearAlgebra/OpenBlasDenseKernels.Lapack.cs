using System.Buffers;
using System.Numerics;

namespace OrleansSweep.Science.LinearAlgebra;

// The LAPACKE-backed thin QR (column-major dgeqrf + dorgqr) and eigenvalues (dgeev on Aᵀ); LU solve is in .Lu.cs.
public sealed unsafe partial class OpenBlasDenseKernels
{
    /// <inheritdoc />
    public void QrThin(Span<double> a, int m, int k, Span<double> r)
    {
        DenseArguments.QrThin(a.Length, m, k, r.Length);
        if (k == 0)
        {
            return;
        }

        // LAPACKE's row-major dgeqrf and dorgqr each transpose the block in and out (four copies and two extra
        // allocations); one transposition into pooled column-major scratch and one back halve that. Reading the
        // buffer as the column-major Aᵀ and using its LQ factorisation (dgelqf + dorglq) needs no copy at all but
        // was measured slower still on OpenBLAS 0.3.21: its row-wise reflectors stride through memory, and below
        // k = 128 dgelqf is entirely unblocked (m = 256: 380 µs vs 294 µs at k = 64; 2.42 ms vs 2.31 ms at k = 256).
        var tau = ArrayPool<double>.Shared.Rent(k);
        var columns = ArrayPool<double>.Shared.Rent(m * k);
        try
        {
            // columns = A column-major (leading dimension m), i.e. the row-major k×m Aᵀ.
            Transposition.Run(a, m, k, k, columns, m);
            fixed (double* pc = columns, ptau = tau)
            {
                Check(native.Dgeqrf(OpenBlasNative.ColumnMajor, m, k, pc, m, ptau), "LAPACKE_dgeqrf");

                // R[i, j] (j ≥ i) sits at column-major offset i + j·m.
                for (var i = 0; i < k; i++)
                {
                    var rRow = r.Slice(i * k, k);
                    rRow[..i].Clear();
                    for (var j = i; j < k; j++)
                    {
                        rRow[j] = columns[(j * m) + i];
                    }
                }

                Check(native.Dorgqr(OpenBlasNative.ColumnMajor, m, k, k, pc, m, ptau), "LAPACKE_dorgqr");
            }

            Transposition.Run(columns, k, m, m, a, k);
            HouseholderQr.NormaliseSigns(a, m, k, r);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(columns);
            ArrayPool<double>.Shared.Return(tau);
        }
    }

    /// <inheritdoc />
    public bool Eigenvalues(ReadOnlySpan<double> a, int n, Span<Complex> eigenvalues)
    {
        DenseArguments.Square("a", n, a.Length);
        DenseArguments.Vector("eigenvalues", n, eigenvalues.Length);
        if (n == 0)
        {
            return true;
        }

        if (!ManagedDenseKernels.AllFinite(a[..(n * n)]))
        {
            return false;
        }

        var work = ArrayPool<double>.Shared.Rent((n * n) + (2 * n));
        try
        {
            a[..(n * n)].CopyTo(work);
            int info;
            fixed (double* pw = work)
            {
                // A row-major A is a column-major Aᵀ, which has the same eigenvalues: passing it as column-major
                // skips LAPACKE's transposed copy. jobvl = jobvr = 'N': eigenvalues only.
                info = native.Dgeev(
                    OpenBlasNative.ColumnMajor, (byte)'N', (byte)'N', n, pw, n, pw + (n * n), pw + (n * n) + n, null, 1, null, 1);
            }

            if (info < 0)
            {
                Check(info, "LAPACKE_dgeev");
            }

            if (info > 0)
            {
                return false;
            }

            for (var i = 0; i < n; i++)
            {
                eigenvalues[i] = new Complex(work[(n * n) + i], work[(n * n) + n + i]);
            }

            return true;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(work);
        }
    }
}
