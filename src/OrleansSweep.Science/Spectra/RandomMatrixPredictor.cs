using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.Spectra;

/// <summary>Chooses and evaluates the random-matrix prediction for a network's Jacobian at a state.</summary>
/// <remarks>
/// A state counts as the zero fixed point when every |h_i| ≤ <see cref="ZeroStateTolerance"/> (the unit statistics are
/// then homogeneous to ~10⁻¹²), in which case the support is also reported as a disk. Families without a boundary
/// formula here (minimal; systems that are not networks) get null.
/// </remarks>
public static class RandomMatrixPredictor
{
    /// <summary>max |h_i| below which a state is treated as the zero fixed point.</summary>
    public const double ZeroStateTolerance = 1e-6;

    /// <summary>The prediction for <paramref name="system"/> at (t, state), or null when none applies.</summary>
    public static RandomMatrixPrediction? Predict(IDynamicalSystem system, ReadOnlySpan<double> state, long t, double slowModeEpsilon)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system switch
        {
            RateNetwork rate => RateDisk(rate, state),
            VanillaNetwork vanilla => VanillaDisk(vanilla, state, t),
            GatedNetwork gated => GatedBoundary.FromState(gated, state).Predict(slowModeEpsilon, IsZero(state[..gated.Units])),
            GruNetwork gru => GruBoundary.FromState(gru, state).Predict(slowModeEpsilon, IsZero(state[..gru.Units])),
            LstmNetwork lstm => LstmSlowModes(lstm, state, slowModeEpsilon),
            _ => null,
        };
    }

    private static bool IsZero(ReadOnlySpan<double> h)
    {
        foreach (var value in h)
        {
            if (!(Math.Abs(value) <= ZeroStateTolerance))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>−I + J[φ'(x)] with J ~ N(0, g²/N): disk centred at −1, radius g⟨φ'²⟩^½ (§B.1).</summary>
    private static RandomMatrixPrediction RateDisk(RateNetwork network, ReadOnlySpan<double> state)
    {
        var slopes = new double[network.Units];
        for (var i = 0; i < slopes.Length; i++)
        {
            var phi = Math.Tanh(state[i]);
            slopes[i] = 1 - (phi * phi);
        }

        var radius = RandomMatrix.ScaledDiskRadius(network.Parameters["g"], slopes);
        return Disk(RandomMatrixModel.RateDisk, -1.0, radius);
    }

    /// <summary>[φ'(e_t)] W_t with W ~ σ_w·(Gaussian or Haar): disk (outer radius) σ_w⟨φ'²⟩^½ about 0 (§B.1).</summary>
    private static RandomMatrixPrediction VanillaDisk(VanillaNetwork network, ReadOnlySpan<double> state, long t)
    {
        // h_t = tanh(e_t), so φ'(e_t) = 1 − h_t² comes from one evaluation of the map.
        var next = new double[network.Units];
        network.Evaluate(t, state, next);
        for (var i = 0; i < next.Length; i++)
        {
            next[i] = 1 - (next[i] * next[i]);
        }

        var radius = RandomMatrix.ScaledDiskRadius(Math.Sqrt(network.Parameters["sigmaW2"]), next);
        return Disk(RandomMatrixModel.VanillaDisk, 0.0, radius);
    }

    /// <summary>The c block of the LSTM Jacobian is [f]: about N·P(1 − f &lt; ε) eigenvalues near 1 (§B.6).</summary>
    private static RandomMatrixPrediction LstmSlowModes(LstmNetwork network, ReadOnlySpan<double> state, double epsilon)
    {
        var n = network.Units;
        var f = new double[n];
        var i = new double[n];
        var o = new double[n];
        var g = new double[n];
        network.Gates(state[..n], state[n..(2 * n)], f, i, o, g);
        return new RandomMatrixPrediction
        {
            Model = RandomMatrixModel.LstmSlowModes,
            SpectralAbscissa = double.NaN,
            SpectralRadius = double.NaN,
            BulkEdge = double.NaN,
            DiskCenter = double.NaN,
            DiskRadius = double.NaN,
            IsolatedEigenvalues = [],
            SlowModeCount = f.Count(value => 1 - value < epsilon),
        };
    }

    private static RandomMatrixPrediction Disk(RandomMatrixModel model, double centre, double radius) => new()
    {
        Model = model,
        SpectralAbscissa = centre + radius,
        SpectralRadius = Math.Abs(centre) + radius,
        BulkEdge = centre + radius,
        DiskCenter = centre,
        DiskRadius = radius,
        IsolatedEigenvalues = [],
        SlowModeCount = double.NaN,
    };
}
