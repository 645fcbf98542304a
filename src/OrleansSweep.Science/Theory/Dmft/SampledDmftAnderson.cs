namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// Anderson acceleration (type II, memory m) of the damped fixed-point iteration x ← x + β(G(x) − x) of the sampled DMFT.
/// </summary>
/// <remarks>
/// <para>
/// Why: the DMFT map has slow modes at low frequencies. A static offset ε of C_φ returns as ≈ g_h²⟨σ_r⟩²⟨φ̃'⟩²·ε (the DC
/// gain of the h filter is 1), and in the chaotic state that factor is close to 1 (≈ 0.93 for g_h = 3, α_z = 0), so plain
/// damped iteration needs 100+ iterations and stops far from the fixed point (error ≈ change/(1 − 0.93)). With the common
/// random numbers of the sampled map G is deterministic and Anderson mixing resolves those few modes in ~10–20 iterations.
/// </para>
/// <para>
/// Step (Walker–Ni): with residuals f = G(x) − x and the differences ΔX, ΔF of the last m iterates, γ = argmin‖f − ΔF γ‖
/// by modified Gram–Schmidt QR, dropping the oldest columns while R is ill-conditioned (|R_jj| &lt; 10⁻⁸·max|R_ii|), and
/// x ← x + βf − (ΔX + βΔF)γ. When a residual exceeds 10× the best one so far the history is cleared (fallback to damped
/// mixing). m = 0 is plain damped iteration.
/// </para>
/// </remarks>
internal sealed class SampledDmftAnderson(int length, int memory, double beta)
{
    private const double Conditioning = 1e-8;
    private readonly List<double[]> deltaX = [];
    private readonly List<double[]> deltaF = [];
    private double[]? lastX;
    private double[]? lastF;
    private double best = double.PositiveInfinity;

    /// <summary>The next iterate from <paramref name="x"/> and its image <paramref name="image"/> = G(x); x is overwritten.</summary>
    public void Step(double[] x, ReadOnlySpan<double> image)
    {
        var f = new double[length];
        var norm = 0.0;
        for (var i = 0; i < length; i++)
        {
            f[i] = image[i] - x[i];
            norm = Math.Max(norm, Math.Abs(f[i]));
        }

        if (norm > 10 * best)
        {
            deltaX.Clear();
            deltaF.Clear();
        }
        else if (memory > 0 && lastX is not null && lastF is not null)
        {
            deltaX.Add(Difference(x, lastX));
            deltaF.Add(Difference(f, lastF));
            if (deltaX.Count > memory)
            {
                deltaX.RemoveAt(0);
                deltaF.RemoveAt(0);
            }
        }

        best = Math.Min(best, norm);
        lastX = (double[])x.Clone();
        lastF = f;
        var gamma = Coefficients(f);
        for (var i = 0; i < length; i++)
        {
            var next = x[i] + beta * f[i];
            for (var j = 0; j < gamma.Length; j++)
            {
                next -= (deltaX[j][i] + beta * deltaF[j][i]) * gamma[j];
            }

            x[i] = next;
        }
    }

    private double[] Difference(double[] a, double[] b)
    {
        var d = new double[length];
        for (var i = 0; i < length; i++)
        {
            d[i] = a[i] - b[i];
        }

        return d;
    }

    /// <summary>γ = argmin‖f − ΔF γ‖ by MGS QR, dropping the oldest columns until R is well conditioned.</summary>
    private double[] Coefficients(double[] f)
    {
        while (deltaF.Count > 0)
        {
            var m = deltaF.Count;
            var q = new double[m][];
            var r = new double[m, m];
            var conditioned = true;
            var largest = 0.0;
            for (var j = 0; j < m && conditioned; j++)
            {
                var v = (double[])deltaF[j].Clone();
                for (var i = 0; i < j; i++)
                {
                    r[i, j] = Dot(q[i], v);
                    Axpy(-r[i, j], q[i], v);
                }

                r[j, j] = Math.Sqrt(Dot(v, v));
                largest = Math.Max(largest, r[j, j]);
                conditioned = r[j, j] > Conditioning * largest && r[j, j] > 0;
                if (conditioned)
                {
                    var scale = 1 / r[j, j];
                    for (var i = 0; i < length; i++)
                    {
                        v[i] *= scale;
                    }

                    q[j] = v;
                }
            }

            if (!conditioned)
            {
                deltaX.RemoveAt(0);
                deltaF.RemoveAt(0);
                continue;
            }

            var gamma = new double[m];
            for (var i = m - 1; i >= 0; i--)
            {
                var sum = Dot(q[i], f);
                for (var k = i + 1; k < m; k++)
                {
                    sum -= r[i, k] * gamma[k];
                }

                gamma[i] = sum / r[i, i];
            }

            return gamma;
        }

        return [];
    }

    private double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private void Axpy(double alpha, double[] x, double[] y)
    {
        for (var i = 0; i < length; i++)
        {
            y[i] += alpha * x[i];
        }
    }
}
