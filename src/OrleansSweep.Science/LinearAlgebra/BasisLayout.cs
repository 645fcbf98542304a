namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>How a basis of k vectors of length m is stored (row-major in both cases).</summary>
public enum BasisLayout
{
    /// <summary>m×k, one vector per column (leading dimension k): the layout of the tangent-map contract.</summary>
    Columns,

    /// <summary>k×m, one vector per row (leading dimension m), i.e. the column-major m×k matrix.</summary>
    Rows,
}
