using OrleansSweep.Science.Theory.Quadrature;

namespace OrleansSweep.Science.Tests.Theory.Quadrature;

public class ChebyshevSeriesTests
{
    [Fact]
    public void Reproduces_polynomials_of_lower_degree_exactly()
    {
        static double Cubic(double x) => 2 - x + 0.5 * x * x * x;
        var points = ChebyshevSeries.Points(-1, 3, 9);
        var series = ChebyshevSeries.Interpolate(-1, 3, points.Select(Cubic).ToArray());
        foreach (var x in new[] { -1.0, -0.3, 0.0, 1.7, 3.0 })
        {
            Assert.Equal(Cubic(x), series.Evaluate(x), 12);
        }

        // ∫_{-1}^{3} (2 − x + x³/2) dx = 8 − 4 + 10 = 14.
        Assert.Equal(14, series.Integral(), 12);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(17)]
    [InlineData(33)]
    public void Interpolates_and_integrates_an_analytic_function_geometrically(int count)
    {
        var points = ChebyshevSeries.Points(0, 2, count);
        var series = ChebyshevSeries.Interpolate(0, 2, points.Select(Math.Exp).ToArray());
        var tolerance = count >= 17 ? 1e-13 : 1e-6;
        Assert.InRange(Math.Abs(series.Evaluate(1.234) - Math.Exp(1.234)), 0, tolerance);
        Assert.InRange(Math.Abs(series.Integral() - (Math.Exp(2) - 1)), 0, tolerance);
        var antiderivative = series.Antiderivative();
        Assert.InRange(Math.Abs(antiderivative.Evaluate(0)), 0, 1e-14);
        Assert.InRange(Math.Abs(antiderivative.Evaluate(1.5) - (Math.Exp(1.5) - 1)), 0, tolerance);
    }

    [Fact]
    public void Points_run_from_the_lower_to_the_upper_end()
    {
        var points = ChebyshevSeries.Points(0, 5, 7);
        Assert.Equal(0, points[0]);
        Assert.Equal(5, points[^1]);
        Assert.True(points.Zip(points.Skip(1)).All(p => p.First < p.Second));
    }
}
