using System.Numerics.Tensors;

namespace OrleansSweep.Science.FixedPoints;

/// <summary>The three kinds of step of <see cref="DampedNewton"/> and the degenerate-root extrapolation.</summary>
internal sealed partial class DampedNewton
{
    // Extrapolation guard: successive steps must be this parallel, shrink at a ratio in this window, and keep the
    // ratio steady to this relative precision before Δ/(1−ρ) is tried.
    private const double ParallelCosine = 0.99;
    private const double MinimumRatio = 0.2;
    private const double MaximumRatio = 0.95;
    private const double RatioSteadiness = 0.05;
    private const int LevenbergMarquardtAttempts = 4;

    // The Newton step is halved at most this often (down to 1/16). A Newton direction that needs more is a poor model
    // of q (J_G nearly singular, typically near a slow point): Levenberg–Marquardt then takes over. With the full
    // backtracking budget instead, such starts crept for 50 iterations and ended as failures (rate g = 3, N = 12:
    // 75 of 256 starts), while the same distinct points were found.
    private const int NewtonBacktracks = 4;

    private bool hasPreviousStep;
    private double previousStepNorm;
    private double previousRatio;
    private double damping;

    private void ResetHistory()
    {
        hasPreviousStep = false;
        previousRatio = double.NaN;
    }

    /// <summary>Damped Newton along <see cref="step"/>: shortened to the maximum length, then halved until Armijo holds.</summary>
    private bool TryNewtonStep(double[] x, ref double q)
    {
        var norm = TensorPrimitives.Norm<double>(step);
        var ratio = double.NaN;
        if (hasPreviousStep)
        {
            ratio = norm / previousStepNorm;
            var cosine = TensorPrimitives.Dot<double>(step, previousStep) / (norm * previousStepNorm);
            var steady = Math.Abs(ratio - previousRatio) <= RatioSteadiness * ratio;
            if (cosine > ParallelCosine && ratio is >= MinimumRatio and <= MaximumRatio && steady
                && norm / (1.0 - ratio) <= maxStepNorm && TryExtrapolatedStep(x, ref q, 1.0 / (1.0 - ratio)))
            {
                ResetHistory();
                return true;
            }
        }

        var alpha = Math.Min(1.0, maxStepNorm / norm);
        for (var backtrack = 0; backtrack <= NewtonBacktracks; backtrack++)
        {
            var trialQ = Trial(x, step, alpha);
            // ∇q·Δ = −|G|² = −2q for the Newton step, so Armijo reads q(x + αΔ) ≤ q(1 − 2cα).
            if (trialQ <= q * (1.0 - (2.0 * Armijo * alpha)))
            {
                Accept(x, ref q, trialQ);
                RememberStep(alpha == 1.0, norm, ratio);
                return true;
            }

            alpha *= 0.5;
        }

        ResetHistory();
        return false;
    }

    private bool TryExtrapolatedStep(double[] x, ref double q, double factor)
    {
        var trialQ = Trial(x, step, factor);
        if (trialQ <= q * (1.0 - (2.0 * Armijo)))
        {
            Accept(x, ref q, trialQ);
            return true;
        }

        return false;
    }

    /// <summary>Only full Newton steps build the history that detects linear convergence to a degenerate root.</summary>
    private void RememberStep(bool full, double norm, double ratio)
    {
        if (!full)
        {
            ResetHistory();
            return;
        }

        step.CopyTo(previousStep, 0);
        previousStepNorm = norm;
        previousRatio = ratio;
        hasPreviousStep = norm > 0.0;
    }

    /// <summary>After convergence: one more Newton step (kept if q does not grow) puts a simple root at machine precision.</summary>
    private void TakeFinalStep(double[] x, ref double q)
    {
        var trialQ = Trial(x, step, 1.0);
        if (trialQ <= q)
        {
            Accept(x, ref q, trialQ);
        }
    }

    /// <summary>Levenberg–Marquardt: (J_GᵀJ_G + μI)Δ = −∇q, μ from 10⁻³·max diag, ×10 on failure, ÷3 on success.</summary>
    private bool TryLevenbergMarquardt(double[] x, ref double q)
    {
        normal ??= new double[n * n];
        kernels.Gemm(true, false, n, n, n, 1.0, jacobian, n, jacobian, n, 0.0, normal, n);
        var largest = 0.0;
        for (var i = 0; i < n; i++)
        {
            largest = Math.Max(largest, normal[(i * n) + i]);
        }

        if (!(largest > 0.0) || !double.IsFinite(largest))
        {
            return false;
        }

        if (damping <= 0.0)
        {
            damping = 1e-3 * largest;
        }

        for (var attempt = 0; attempt < LevenbergMarquardtAttempts; attempt++)
        {
            normal.CopyTo(factors, 0);
            for (var i = 0; i < n; i++)
            {
                factors[(i * n) + i] += damping;
            }

            TensorPrimitives.Negate(gradient, step);
            if (kernels.LuSolve(factors, n, step, 1) && double.IsFinite(TensorPrimitives.SumOfSquares<double>(step)))
            {
                var slope = TensorPrimitives.Dot<double>(gradient, step);
                var alpha = Math.Min(1.0, maxStepNorm / TensorPrimitives.Norm<double>(step));
                var trialQ = Trial(x, step, alpha);
                if (slope < 0.0 && trialQ <= q + (Armijo * alpha * slope))
                {
                    Accept(x, ref q, trialQ);
                    damping = Math.Max(damping / 3.0, 1e-12 * largest);
                    ResetHistory();
                    return true;
                }
            }

            damping *= 10.0;
        }

        return false;
    }

    /// <summary>Steepest descent on q from the Cauchy point α = |∇q|²/|J_G∇q|², halved until Armijo holds.</summary>
    private bool TryGradientStep(double[] x, ref double q)
    {
        kernels.Gemv(false, n, n, 1.0, jacobian, n, gradient, 0.0, work);
        var gradientSquared = TensorPrimitives.SumOfSquares<double>(gradient);
        var curvature = TensorPrimitives.SumOfSquares<double>(work);
        if (!(gradientSquared > 0.0) || !(curvature > 0.0))
        {
            return false;
        }

        var alpha = Math.Min(gradientSquared / curvature, maxStepNorm / Math.Sqrt(gradientSquared));
        TensorPrimitives.Negate(gradient, step);
        for (var backtrack = 0; backtrack <= options.MaxBacktracks; backtrack++)
        {
            var trialQ = Trial(x, step, alpha);
            if (trialQ <= q - (Armijo * alpha * gradientSquared))
            {
                Accept(x, ref q, trialQ);
                ResetHistory();
                return true;
            }

            alpha *= 0.5;
        }

        return false;
    }

    /// <summary><see cref="trial"/> = x + α·direction and its residual; returns q there (+∞ when not finite).</summary>
    private double Trial(double[] x, double[] direction, double alpha)
    {
        TensorPrimitives.MultiplyAdd(direction, alpha, x, trial);
        var trialQ = Residual(trial, trialResidual);
        return double.IsFinite(trialQ) ? trialQ : double.PositiveInfinity;
    }

    private void Accept(double[] x, ref double q, double trialQ)
    {
        trial.CopyTo(x, 0);
        trialResidual.CopyTo(residual, 0);
        q = trialQ;
    }
}
