namespace OrleansSweep.Science.Randomness;

/// <summary>
/// What a random stream is used for. Each role gets an independent stream, so that changing, say,
/// the number of fixed-point starts never changes the network that was drawn.
/// </summary>
public enum StreamRole
{
    /// <summary>Coupling matrices and biases of the network.</summary>
    Network = 1,

    /// <summary>The initial state of a trajectory.</summary>
    InitialState = 2,

    /// <summary>The initial orthonormal basis of the tangent space (Lyapunov).</summary>
    Basis = 3,

    /// <summary>External inputs x_t (drawn per time step from a counter, never stored).</summary>
    Inputs = 4,

    /// <summary>Weights redrawn every step in the untied (annealed) mode of the mean-field theory.</summary>
    UntiedWeights = 5,

    /// <summary>Random starts of the fixed-point finder.</summary>
    FixedPointStarts = 6,

    /// <summary>The perturbation of the twin trajectory used to cross-check the maximum exponent.</summary>
    TwinPerturbation = 7,

    /// <summary>Sample paths of the sampled dynamical mean-field theory.</summary>
    MeanFieldSamples = 8,
}
