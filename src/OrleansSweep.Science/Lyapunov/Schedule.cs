namespace OrleansSweep.Science.Lyapunov;

/// <summary>The phases of a run in whole steps and rounds (see <see cref="LyapunovOptions"/>).</summary>
internal readonly record struct Schedule(long StateOnlySteps, long WarmupRounds, long RoundsPerWindow, double WindowTime)
{
    public static Schedule For(LyapunovOptions options, double timeStep, int stepsPerRound)
    {
        var roundTime = stepsPerRound * timeStep;
        var warmupRounds = (long)Math.Ceiling((options.BasisWarmupTime / roundTime) - 1e-9);
        var transientSteps = (long)Math.Round(options.TransientTime / timeStep);
        var stateOnly = Math.Max(0, transientSteps - (warmupRounds * stepsPerRound));
        var totalRounds = Math.Max(options.Windows, (long)Math.Ceiling((options.AveragingTime / roundTime) - 1e-9));
        var perWindow = (totalRounds + options.Windows - 1) / options.Windows;
        return new Schedule(stateOnly, warmupRounds, perWindow, perWindow * roundTime);
    }
}
