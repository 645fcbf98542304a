using System.Numerics.Tensors;

namespace OrleansSweep.Science.Lyapunov;

/// <summary>Whether a phase of the run finished or why it stopped.</summary>
internal enum RunProgress
{
    Running,
    Diverged,
    Cancelled,
}

/// <summary>
/// The hot loops: no allocation, one JacobianTimes call per step, one QR per round, and no dense Jacobian per step
/// unless a flow cannot give its trace directly (<see cref="Models.IHasJacobianTrace"/>).
/// </summary>
internal sealed partial class BenettinRun
{
    /// <summary>Iterates the state alone (the transient), observing cancellation once per round's worth of steps.</summary>
    public RunProgress AdvanceState(long steps, CancellationToken ct)
    {
        for (long s = 0; s < steps; s++)
        {
            if (s % StepsPerRound == 0 && ct.IsCancellationRequested)
            {
                return RunProgress.Cancelled;
            }

            if (!StepState(false))
            {
                return RunProgress.Diverged;
            }
        }

        return RunProgress.Running;
    }

    /// <summary>
    /// One re-orthonormalisation interval: StepsPerRound steps of state, tangent basis and twin, then QR of the basis
    /// and renormalisation of the twin. With <paramref name="accumulate"/> the logs go to window <paramref name="window"/>.
    /// </summary>
    public RunProgress Round(bool accumulate, int window, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return RunProgress.Cancelled;
        }

        for (var s = 0; s < StepsPerRound; s++)
        {
            // Everything at (t, x_t) before x advances, in an order that lets the model compute its statistics at x_t
            // once (it memoises the last state): tangent map, volume rate, state step, and the twin last.
            if (rowBasisTangent is not null)
            {
                rowBasisTangent.RowBasisJacobianTimes(Step, x, q, K, w);
            }
            else
            {
                map.JacobianTimes(Step, x, q, K, w);
            }

            (q, w) = (w, q);
            if (accumulate)
            {
                AccumulateStateStatistics();
            }

            if (!StepState(options.Twin))
            {
                return RunProgress.Diverged;
            }
        }

        Orthonormalise();
        var logVolume = 0.0;
        for (var i = 0; i < K; i++)
        {
            var rii = rDiagonal[i];
            if (!double.IsFinite(rii))
            {
                DivergenceTime = Step * map.TimeStep;
                return RunProgress.Diverged;
            }

            if (accumulate)
            {
                var log = SafeLog(rii);
                LogSums[i] += log;
                logVolume += log;
            }
        }

        if (accumulate)
        {
            WindowLogs[window] += SafeLog(rDiagonal[0]);

            // With k = dimension the basis propagated through this round is W = J_m⋯J_1·Q with Q orthogonal, so
            // Σ log R_ii = log|det W| = Σ_t log|det J_t| exactly: the map's log-volume growth over the round's steps,
            // free of any dense Jacobian or extra factorisation (which cost 1.3 tangent GEMMs per step).
            if (VolumeSource == VolumeRateSource.MapLogDeterminant)
            {
                VolumeSum += logVolume;
            }
        }

        return RenormaliseTwin(accumulate, window);
    }

    private RunProgress RenormaliseTwin(bool accumulate, int window)
    {
        if (!options.Twin)
        {
            return RunProgress.Running;
        }

        var squared = 0.0;
        for (var i = 0; i < Dimension; i++)
        {
            var d = twin[i] - x[i];
            squared += d * d;
        }

        var distance = Math.Sqrt(squared);
        if (!double.IsFinite(distance))
        {
            DivergenceTime = Step * map.TimeStep;
            return RunProgress.Diverged;
        }

        var delta = options.TwinPerturbation;
        if (accumulate)
        {
            TwinWindowLogs[window] += SafeLog(distance / delta);
        }

        // A separation lost to rounding (distance 0) restarts along the first tangent vector.
        var scale = distance > 0 ? delta / distance : 0.0;
        for (var i = 0; i < Dimension; i++)
        {
            twin[i] = distance > 0 ? x[i] + (scale * (twin[i] - x[i])) : x[i] + (delta * FirstTangentComponent(i));
        }

        return RunProgress.Running;
    }

    /// <summary>x ← F_t(x) (and the twin with the same t), then t ← t + 1; false when x left the bounded range.</summary>
    private bool StepState(bool withTwin)
    {
        map.Evaluate(Step, x, xNext);
        if (withTwin)
        {
            map.Evaluate(Step, twin, twinNext);
            (twin, twinNext) = (twinNext, twin);
        }

        if (!IsBounded(xNext))
        {
            DivergenceTime = (Step + 1) * map.TimeStep;
            return false;
        }

        (x, xNext) = (xNext, x);
        Step++;
        return true;
    }

    /// <summary>Mean squares and, for flows with k = dimension, the vector field's trace at (t, x_t), summed over the averaged steps.</summary>
    private void AccumulateStateStatistics()
    {
        AveragedSteps++;
        TensorPrimitives.MultiplyAdd(x, x, MeanSquare, MeanSquare);
        if (vectorField is null)
        {
            return;
        }

        if (vectorFieldTrace is not null)
        {
            VolumeSum += vectorFieldTrace.JacobianTrace(Step, x);
            return;
        }

        vectorField.Jacobian(Step, x, jacobian);
        var trace = 0.0;
        for (var i = 0; i < Dimension; i++)
        {
            trace += jacobian![(i * Dimension) + i];
        }

        VolumeSum += trace;
    }
}
