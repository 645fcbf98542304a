namespace OrleansSweep.Science.Theory.Quadrature;

/// <summary>
/// Gaussian-pair moments of an activation f and its derivative: <see cref="Mean"/> = E[f(y)],
/// <see cref="Product"/> = E[f(y1) f(y2)], <see cref="SlopeProduct"/> = E[f'(y1) f'(y2)], for (y1, y2) jointly
/// Gaussian with equal marginals. At covariance = variance, Product = E[f²] and SlopeProduct = E[f'²].
/// </summary>
public readonly record struct ActivationPairMoments(double Mean, double Product, double SlopeProduct);
