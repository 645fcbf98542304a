namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// Solves a Gaussian DMFT given its kernel: the largest admissible Δ0 (§B.3), then Δ(τ) by RK4 and
/// λ = timeScale·(−1 + √(−E_0)) from the ground state of H = −d²/dτ² − K(Δ(τ)) (§B.4).
/// </summary>
internal static class GaussianDmftSolver
{
    public static DmftSolution Solve(
        IGaussianDmftKernel kernel, Func<double, double>? balance, DmftOptions options, double timeScale, double zeroExponent, CancellationToken ct)
    {
        options.Validate();
        try
        {
            balance ??= delta0 => DmftTable.Build(kernel, delta0, options.ChebyshevPoints).Balance;
            var root = Delta0Search.Largest(balance, kernel.MaximumDelta0, 0.5 * (1 - kernel.ZeroLimitSlope), existenceOnly: false, ct);
            if (root is not { } delta0)
            {
                return DmftSolution.Quiescent(zeroExponent);
            }

            var table = DmftTable.Build(kernel, delta0, options.ChebyshevPoints);
            if (!table.IsAdmissible(out var reason))
            {
                return new DmftSolution(delta0, double.NaN, double.NaN, double.NaN, true, AnalysisOutcome.NotConverged($"largest root Δ0 = {delta0:G6} is not admissible: {reason}"));
            }

            var (ground, first) = Spectrum(table, options, ct);
            var lyapunov = timeScale * (-1 + Math.Sqrt(Math.Max(0, -ground)));
            return new DmftSolution(delta0, lyapunov, ground, first, true, AnalysisOutcome.Converged);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return DmftSolution.Failed(AnalysisOutcome.Cancelled);
        }
        catch (InvalidOperationException exception)
        {
            return DmftSolution.Failed(AnalysisOutcome.NotConverged(exception.Message));
        }
    }

    /// <summary>Whether a non-zero Δ0 root exists (no admissibility check, no spectrum): the chaos-onset test.</summary>
    public static bool HasChaoticSolution(IGaussianDmftKernel kernel, DmftOptions options, CancellationToken ct)
    {
        Func<double, double> balance = delta0 => DmftTable.Build(kernel, delta0, options.ChebyshevPoints).Balance;
        return Delta0Search.Largest(balance, kernel.MaximumDelta0, 0.5 * (1 - kernel.ZeroLimitSlope), existenceOnly: true, ct) is not null;
    }

    /// <summary>
    /// (E_0, E_1) for the solution tabulated in <paramref name="table"/>. L is widened (to ≤ 400, keeping ≤ 40 000 grid
    /// points) when the ground state's decay rate r = √(−E_0 − K(0)) gives r·L &lt; 20, i.e. close to the transition.
    /// </summary>
    public static (double Ground, double First) Spectrum(DmftTable table, DmftOptions options, CancellationToken ct)
    {
        var k0 = table.Slope.Evaluate(0);
        var tailRate = Math.Sqrt(Math.Max(0, 1 - k0));
        var halfWidth = options.HalfWidth;
        var step = options.Step;
        var levels = Levels(table, tailRate, halfWidth, step, ct);
        var decay = Math.Sqrt(Math.Max(0, -levels.Ground - k0));
        if (decay * halfWidth < 20 && halfWidth < 400)
        {
            halfWidth = Math.Min(400, 22 / Math.Max(decay, 1e-9));
            step = Math.Max(step, halfWidth / 20000);
            levels = Levels(table, tailRate, halfWidth, step, ct);
        }

        return levels;
    }

    private static (double Ground, double First) Levels(DmftTable table, double tailRate, double halfWidth, double step, CancellationToken ct)
    {
        var count = (int)Math.Round(halfWidth / step) + 1;
        var delta = ParticleTrajectory.Integrate(table.Nu, table.Delta0, tailRate, step, count, ct);
        var potential = new double[count];
        for (var i = 0; i < count; i++)
        {
            potential[i] = table.Slope.Evaluate(delta[i]);
        }

        return SchrodingerSpectrum.LowestTwo(potential, step, ct);
    }
}
