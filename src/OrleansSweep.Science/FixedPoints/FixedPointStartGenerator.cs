using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.FixedPoints;

/// <summary>
/// Fills <paramref name="state"/> with a random initial state of standard deviation <paramref name="scale"/>, drawn
/// only from <paramref name="random"/> (same shape as <see cref="Models.IRecurrentNetwork.InitialState"/>).
/// </summary>
public delegate void FixedPointStartGenerator(RandomStream random, double scale, Span<double> state);
