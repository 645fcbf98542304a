using System.Text;

namespace OrleansSweep.Sweeps.Output;

/// <summary>Column naming of the phase map: snake_case, parameters by their symbol (gH → g_h, sigmaW2 → sigma_w2).</summary>
public static class ColumnNames
{
    public static string ToSnakeCase(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
