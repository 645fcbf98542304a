using System.Numerics;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.Spectra;

/// <summary>Diagonalises the Jacobian at successive states and collects the statistics (buffers allocated once).</summary>
internal sealed class SpectrumSampler
{
    private readonly IDynamicalSystem system;
    private readonly IDenseKernels kernels;
    private readonly SpectrumOptions options;
    private readonly double[] jacobian;
    private readonly Complex[] eigenvalues;
    private readonly List<Complex>? pooled;
    private readonly List<double> radii = [];
    private readonly List<double> abscissae = [];
    private readonly List<int> slowCounts = [];
    private readonly List<double> diskRadii = [];
    private readonly List<RandomMatrixPrediction> predictions = [];

    public SpectrumSampler(IDynamicalSystem system, SpectrumOptions options, IDenseKernels kernels)
    {
        this.system = system;
        this.options = options;
        this.kernels = kernels;
        jacobian = new double[system.Dimension * system.Dimension];
        eigenvalues = new Complex[system.Dimension];
        pooled = options.KeepEigenvalues ? [] : null;
    }

    /// <summary>False when the eigensolver did not converge.</summary>
    public bool Sample(ReadOnlySpan<double> state, long t)
    {
        system.Jacobian(t, state, jacobian);
        if (!kernels.Eigenvalues(jacobian, system.Dimension, eigenvalues))
        {
            return false;
        }

        var discrete = system.Time == TimeKind.Discrete;
        double radius = 0, abscissa = double.NegativeInfinity;
        var slow = 0;
        foreach (var lambda in eigenvalues)
        {
            radius = Math.Max(radius, lambda.Magnitude);
            abscissa = Math.Max(abscissa, lambda.Real);
            var distance = discrete ? (Complex.One - lambda).Magnitude : lambda.Magnitude;
            if (distance < options.SlowModeEpsilon)
            {
                slow++;
            }
        }

        radii.Add(radius);
        abscissae.Add(abscissa);
        slowCounts.Add(slow);
        pooled?.AddRange(eigenvalues);
        var prediction = RandomMatrixPredictor.Predict(system, state, t, options.SlowModeEpsilon);
        if (prediction is not null)
        {
            predictions.Add(prediction);
            diskRadii.Add(double.IsNaN(prediction.DiskCenter) ? double.NaN : DiskRadius(prediction));
        }

        return true;
    }

    public SpectrumResult Result(AnalysisOutcome outcome)
    {
        var usable = outcome.IsUsable && radii.Count > 0;
        return new SpectrumResult
        {
            Outcome = outcome,
            Time = system.Time,
            Dimension = system.Dimension,
            SampleCount = radii.Count,
            Eigenvalues = pooled,
            SpectralRadius = usable ? radii.Average() : double.NaN,
            SpectralAbscissa = usable ? abscissae.Average() : double.NaN,
            SlowModeCount = usable ? slowCounts.Average() : double.NaN,
            SlowModeFraction = usable ? slowCounts.Sum() / ((double)slowCounts.Count * system.Dimension) : double.NaN,
            MeasuredDiskRadius = usable ? MeanOrNaN(diskRadii) : double.NaN,
            SampleRadii = radii,
            SampleAbscissae = abscissae,
            SampleSlowModeCounts = slowCounts,
            Predictions = predictions,
            PredictedAbscissa = MeanOrNaN(predictions.Select(p => p.SpectralAbscissa)),
            PredictedRadius = MeanOrNaN(predictions.Select(p => p.SpectralRadius)),
            PredictedBulkEdge = MeanOrNaN(predictions.Select(p => p.BulkEdge)),
            PredictedDiskRadius = MeanOrNaN(predictions.Select(p => p.DiskRadius)),
            PredictedSlowModeCount = MeanOrNaN(predictions.Select(p => p.SlowModeCount)),
            SlowModeEpsilon = options.SlowModeEpsilon,
            Kernels = kernels.Name,
        };
    }

    /// <summary>max |λ − c| over the eigenvalues that are not one of the prediction's isolated eigenvalues.</summary>
    private double DiskRadius(RandomMatrixPrediction prediction)
    {
        var radius = 0.0;
        foreach (var lambda in eigenvalues)
        {
            if (!IsIsolated(lambda, prediction.IsolatedEigenvalues))
            {
                radius = Math.Max(radius, (lambda - prediction.DiskCenter).Magnitude);
            }
        }

        return radius;
    }

    /// <summary>Within 10⁻⁶ (relative) of an exact N-fold eigenvalue such as −1/τ_z: not part of the disk.</summary>
    private static bool IsIsolated(Complex lambda, IReadOnlyList<double> isolated)
    {
        foreach (var value in isolated)
        {
            if ((lambda - value).Magnitude <= 1e-6 * Math.Max(1.0, Math.Abs(value)))
            {
                return true;
            }
        }

        return false;
    }

    private static double MeanOrNaN(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }
}
