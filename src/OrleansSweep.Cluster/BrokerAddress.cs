using System.Globalization;

namespace OrleansSweep.Cluster;

/// <summary>Where the RabbitMQ broker is and how to log in, parsed from one address the user types.</summary>
/// <remarks>
/// Accepted forms: <c>rabbitmq://host[:port][/vhost]</c>, <c>amqp://[user[:password]@]host[:port][/vhost]</c> and a bare
/// <c>host[:port]</c>. The port defaults to 5672, the virtual host to "/", the user to "guest" (which RabbitMQ accepts
/// from loopback only). Explicit settings (<see cref="With"/>) override what the address carries.
/// </remarks>
public sealed record BrokerAddress(string Host, int Port, string VirtualHost, string Username, string Password)
{
    public const int DefaultPort = 5672;

    /// <summary>The address without credentials, for messages.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"rabbitmq://{Host}:{Port}/{(VirtualHost == "/" ? "" : Uri.EscapeDataString(VirtualHost))}");

    /// <exception cref="FormatException">The text is not a broker address.</exception>
    public static BrokerAddress Parse(string text) =>
        TryParse(text, out var address, out var error) ? address : throw new FormatException(error);

    public static bool TryParse(string? text, out BrokerAddress address, out string error)
    {
        address = new BrokerAddress("127.0.0.1", DefaultPort, "/", "guest", "guest");
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "is empty; give e.g. rabbitmq://127.0.0.1:5672/";
            return false;
        }

        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "rabbitmq://" + text;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.Scheme is not ("rabbitmq" or "amqp") || uri.Host.Length == 0)
        {
            error = "is not a broker address; use rabbitmq://host:port/ (or amqp://user:password@host:port/vhost)";
            return false;
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        var (user, password) = SplitUserInfo(uri.UserInfo);
        address = new BrokerAddress(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? DefaultPort : uri.Port, path.Length == 0 ? "/" : path, user ?? "guest", password ?? "guest");
        return true;
    }

    /// <summary>This address with the non-empty explicit settings applied.</summary>
    public BrokerAddress With(string? virtualHost, string? username, string? password) => this with
    {
        VirtualHost = string.IsNullOrEmpty(virtualHost) ? VirtualHost : virtualHost,
        Username = string.IsNullOrEmpty(username) ? Username : username,
        Password = string.IsNullOrEmpty(password) ? Password : password,
    };

    private static (string? User, string? Password) SplitUserInfo(string userInfo)
    {
        if (userInfo.Length == 0)
        {
            return (null, null);
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (Uri.UnescapeDataString(userInfo), null)
            : (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }
}
