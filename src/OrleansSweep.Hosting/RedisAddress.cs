namespace OrleansSweep.Hosting;

/// <summary>Turns the client's <c>--cluster</c> address into a StackExchange.Redis configuration string.</summary>
/// <remarks>
/// Accepted: <c>redis://HOST:PORT</c>, <c>redis://:PASSWORD@HOST:PORT</c>, <c>rediss://…</c> (TLS), or a raw
/// StackExchange.Redis configuration string containing a comma (e.g. <c>host:6380,password=…,ssl=true</c>).
/// </remarks>
public static class RedisAddress
{
    /// <summary>The configuration string; null with a reason when the text is not a Redis address.</summary>
    public static string? Parse(string text, out string? problem)
    {
        problem = null;
        var value = text?.Trim() ?? "";
        if (value.Contains(',', StringComparison.Ordinal))
        {
            return value;
        }

        var tls = value.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase);
        if (!value.Contains("://", StringComparison.Ordinal))
        {
            value = "redis://" + value;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss")
            || uri.Port <= 0 || string.IsNullOrEmpty(uri.Host) || uri.AbsolutePath != "/")
        {
            problem = $"'{text}' is not a Redis address: write redis://HOST:PORT (or redis://:PASSWORD@HOST:PORT, rediss:// for TLS), e.g. redis://127.0.0.1:6379";
            return null;
        }

        var configuration = $"{uri.Host}:{uri.Port}";
        var password = Uri.UnescapeDataString(uri.UserInfo.Split(':', 2) is [_, var p] ? p : "");
        if (password.Length > 0)
        {
            configuration += ",password=" + password;
        }

        return tls ? configuration + ",ssl=true" : configuration;
    }
}
