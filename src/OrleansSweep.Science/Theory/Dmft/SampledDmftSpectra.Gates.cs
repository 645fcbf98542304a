using OrleansSweep.Science.Theory.Quadrature;

namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>The Gaussian-integral parts of a build: C_σr from C_r, and the exact statistics of the surrogate h_G.</summary>
internal sealed partial class SampledDmftSpectra
{
    private void FillGateCorrelation(double rVariance)
    {
        var bR = parameters.BR;
        var alphaR = parameters.AlphaR;
        var resting = 1 / (1 + Math.Exp(-bR));
        if (alphaR == 0 || rVariance <= 0)
        {
            Array.Fill(GateCorrelation, resting * resting);
            return;
        }

        Correlation(rSpectrum, rCorrelation);
        var a2 = alphaR * alphaR;
        FillPair(rVariance, rCorrelation, GateCorrelation, resting * resting, c => GaussianPairKernels.Logistic(bR, a2 * rVariance, a2 * c, QuadratureTolerance).Product);
    }

    private void BuildSurrogate(double[] etaSpectrum, double zVariance)
    {
        var a2 = parameters.AlphaZ * parameters.AlphaZ;
        SurrogateRate = a2 * zVariance > 0
            ? GaussianPairKernels.Logistic(parameters.BZ, a2 * zVariance, a2 * zVariance).Mean
            : 1 / (1 + Math.Exp(-parameters.BZ));
        var keep = 1 - dt * SurrogateRate;
        var gain = dt * SurrogateRate;
        var hSpectrum = rSpectrum;
        for (var k = 0; k < n; k++)
        {
            // |H_k|² = (dt s̄)² / |e^{iθ} − (1 − dt s̄)|² for the Euler recursion.
            var theta = 2 * Math.PI * k / n;
            var denominator = 1 - 2 * keep * Math.Cos(theta) + keep * keep;
            hSpectrum[k] = etaSpectrum[k] * gain * gain / denominator;
        }

        Correlation(hSpectrum, SurrogateHCorrelation);
        var variance = SurrogateHCorrelation[0];
        var g2 = parameters.GH * parameters.GH;
        var rest = Math.Tanh(parameters.BetaH);
        FillPair(variance, SurrogateHCorrelation, SurrogatePhiCorrelation, rest * rest, c => GaussianPairKernels.Tanh(parameters.BetaH, g2 * variance, g2 * c, QuadratureTolerance).Product);
    }

    /// <summary>
    /// destination_j = moment(covariance_j) for a Gaussian-pair moment at the given variance, through its Chebyshev
    /// series in the covariance on [−variance, variance] (<paramref name="atZeroVariance"/> when the variance vanishes).
    /// </summary>
    private static void FillPair(
        double variance, ReadOnlySpan<double> covariances, Span<double> destination, double atZeroVariance, Func<double, double> moment)
    {
        if (!(variance > 1e-300))
        {
            destination.Fill(atZeroVariance);
            return;
        }

        var points = ChebyshevSeries.Points(-variance, variance, ChebyshevPoints);
        var values = new double[ChebyshevPoints];
        for (var i = 0; i < ChebyshevPoints; i++)
        {
            values[i] = moment(points[i]);
        }

        var series = ChebyshevSeries.Interpolate(-variance, variance, values);
        for (var j = 0; j < destination.Length; j++)
        {
            destination[j] = series.Evaluate(Math.Clamp(covariances[j], -variance, variance));
        }
    }
}
