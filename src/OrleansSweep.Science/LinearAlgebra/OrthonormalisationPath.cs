namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>Which factorisation <see cref="CholeskyQr.Orthonormalise"/> needed to reach an orthonormal basis.</summary>
public enum OrthonormalisationPath
{
    /// <summary>One Cholesky QR pass was orthonormal to the tolerance (the common case for well-conditioned bases).</summary>
    CholeskyOnePass,

    /// <summary>A second pass repaired the first one's loss of orthogonality (CholeskyQR2).</summary>
    CholeskyTwoPasses,

    /// <summary>
    /// The Gram matrix was not numerically positive definite (κ(A) ≳ 1/√ε or rank deficiency) or a column's squared
    /// norm overflowed: Householder QR of the input.
    /// </summary>
    Householder,

    /// <summary>A held NaN or ∞: diag(R) is NaN and A is left unspecified.</summary>
    NotFinite,
}
