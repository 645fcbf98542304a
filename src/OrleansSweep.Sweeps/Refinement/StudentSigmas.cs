using MathNet.Numerics.Distributions;

namespace OrleansSweep.Sweeps.Refinement;

/// <summary>
/// The k of the split rule for standard errors estimated from the realisations of a cell: the Student-t quantile with
/// n − 1 degrees of freedom at the tail probability k has for a Gaussian, t_{n−1}⁻¹(Φ(k)).
/// </summary>
/// <remarks>
/// Why: a cell's SEM is the sample standard deviation of its n realisations over √n, itself a noisy estimate, and
/// (μ − L)/SEM follows Student's t with n − 1 degrees of freedom, not a Gaussian. With k = 2 the Gaussian reading
/// calls noise "significant" 4.6 % of the time; read off a t distribution the same k does so 30 % of the time with
/// two realisations and 14 % with four. Measured on the gated S1 slice with two realisations: pairs of cells whose
/// SEMs came out near zero by chance (two nearly equal realisations) split on noise. The quantile restores the
/// intended rate: k = 2 becomes 14.0 for two realisations, 3.31 for four, 2.32 for ten, and tends to k.
/// With one realisation the cells have no SEM and the rule does not use k; a SEM given then (as in tests with noise of
/// known size) is taken as exact.
/// </remarks>
internal static class StudentSigmas
{
    public static double For(double sigmas, int realizations) => ForDegreesOfFreedom(sigmas, realizations - 1);

    /// <summary>t_ν⁻¹(Φ(k)) for an error estimated with ν degrees of freedom; k itself when ν &lt; 1 (nothing estimated).</summary>
    public static double ForDegreesOfFreedom(double sigmas, int degreesOfFreedom) =>
        degreesOfFreedom < 1 ? sigmas : StudentT.InvCDF(0, 1, degreesOfFreedom, Normal.CDF(0, 1, sigmas));
}
