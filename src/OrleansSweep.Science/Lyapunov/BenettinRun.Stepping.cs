namespace OrleansSweep.Science.Lyapunov;

/// <summary>Whether a phase of the run finished or why it stopped.</summary>
internal enum RunProgress
{
    Running,
    Diverged,
    Cancelled,
}

/// <summary>The hot loops: no allocation, one JacobianTimes call per step, one QR per round.</summary>
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

            if (!StepState())
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
            if (accumulate)
            {
                AccumulateStateStatistics();
            }

            // The tangent map at (t, x_t) must be applied before x advances to x_{t+1}.
            map.JacobianTimes(Step, x, q, K, w);
            (q, w) = (w, q);
            if (options.Twin)
            {
                map.Evaluate(Step, twin, twinNext);
                (twin, twinNext) = (twinNext, twin);
            }

            if (!StepState())
            {
                return RunProgress.Diverged;
            }
        }

        kernels.QrThin(q, Dimension, K, r);
        for (var i = 0; i < K; i++)
        {
            var rii = r[(i * K) + i];
            if (!double.IsFinite(rii))
            {
                DivergenceTime = Step * map.TimeStep;
                return RunProgress.Diverged;
            }

            if (accumulate)
            {
                LogSums[i] += SafeLog(rii);
            }
        }

        if (accumulate)
        {
            WindowLogs[window] += SafeLog(r[0]);
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
            twin[i] = distance > 0 ? x[i] + (scale * (twin[i] - x[i])) : x[i] + (delta * q[i * K]);
        }

        return RunProgress.Running;
    }

    private bool StepState()
    {
        map.Evaluate(Step, x, xNext);
        if (!IsBounded(xNext))
        {
            DivergenceTime = (Step + 1) * map.TimeStep;
            return false;
        }

        (x, xNext) = (xNext, x);
        Step++;
        return true;
    }

    /// <summary>Mean squares and the volume rate at (t, x_t), summed over the averaged steps.</summary>
    private void AccumulateStateStatistics()
    {
        AveragedSteps++;
        for (var i = 0; i < Dimension; i++)
        {
            MeanSquare[i] += x[i] * x[i];
        }

        if (jacobian is null)
        {
            return;
        }

        if (vectorField is not null)
        {
            vectorField.Jacobian(Step, x, jacobian);
            var trace = 0.0;
            for (var i = 0; i < Dimension; i++)
            {
                trace += jacobian[(i * Dimension) + i];
            }

            VolumeSum += trace;
            return;
        }

        // log|det J| = Σ log R_ii of a full QR: no determinant is formed, so nothing over- or underflows.
        map.Jacobian(Step, x, jacobian);
        kernels.QrThin(jacobian, Dimension, Dimension, jacobianR);
        var logDet = 0.0;
        for (var i = 0; i < Dimension; i++)
        {
            logDet += SafeLog(jacobianR![(i * Dimension) + i]);
        }

        VolumeSum += logDet;
    }
}
