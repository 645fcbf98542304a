namespace OrleansSweep.Hosting;

/// <summary>Turns the client's <c>--cluster redis://host:port</c> into a StackExchange.Redis configuration string.</summary>
public static class RedisAddress
{
    /// <summary>Parses <c>redis://host:port</c> (or plain <c>host:port</c>); null with a reason when it is not one.</summary>
    public static string? Parse(string text, out string? problem)
    {
        problem = null;
        var value = text?.Trim() ?? "";
        if (value.StartsWith("redis://", StringComparison.OrdinalIgnoreCase))
        {
            value = value["redis://".Length..].TrimEnd('/');
        }

        if (!Uri.TryCreate("redis://" + value, UriKind.Absolute, out var uri) || uri.Port <= 0 || string.IsNullOrEmpty(uri.Host) || uri.AbsolutePath != "/")
        {
            problem = $"'{text}' is not a Redis address: write redis://HOST:PORT, e.g. redis://127.0.0.1:6379";
            return null;
        }

        return $"{uri.Host}:{uri.Port}";
    }
}
