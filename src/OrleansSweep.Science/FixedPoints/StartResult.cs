namespace OrleansSweep.Science.FixedPoints;

/// <summary>How one Newton start ended.</summary>
internal enum StartResultKind
{
    /// <summary>Residual below tolerance: a fixed point.</summary>
    Converged,

    /// <summary>Stalled at a local minimum of q = ½|G|² with residual above tolerance.</summary>
    SlowPoint,

    /// <summary>Diverged, non-finite, or out of iterations away from any stationary point of q.</summary>
    Failed,

    /// <summary>The cancellation token fired during the start.</summary>
    Cancelled,
}

/// <summary>The end of one start: its kind, rms residual and position-error estimate (see <see cref="FixedPoint"/>).</summary>
internal readonly record struct StartResult(StartResultKind Kind, double Residual, double PositionError, int Iterations);
