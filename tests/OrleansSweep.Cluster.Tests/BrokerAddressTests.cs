namespace OrleansSweep.Cluster.Tests;

public sealed class BrokerAddressTests
{
    [Theory]
    [InlineData("rabbitmq://127.0.0.1:5672/", "127.0.0.1", 5672, "/", "guest", "guest")]
    [InlineData("rabbitmq://10.0.0.5/", "10.0.0.5", 5672, "/", "guest", "guest")]
    [InlineData("localhost:5699", "localhost", 5699, "/", "guest", "guest")]
    [InlineData("amqp://lab:s3cret@broker.lab:5673/sweeps", "broker.lab", 5673, "sweeps", "lab", "s3cret")]
    [InlineData("amqp://lab@broker.lab/%2F", "broker.lab", 5672, "/", "lab", "guest")]
    public void Parses_every_accepted_form(string text, string host, int port, string virtualHost, string user, string password)
    {
        var address = BrokerAddress.Parse(text);

        Assert.Equal(new BrokerAddress(host, port, virtualHost, user, password), address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://127.0.0.1:5672/")]
    [InlineData("rabbitmq://")]
    public void Rejects_what_is_not_a_broker_address_with_a_fix(string text)
    {
        Assert.False(BrokerAddress.TryParse(text, out _, out var error));
        Assert.Contains("rabbitmq://", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_settings_override_the_address_and_the_password_never_prints()
    {
        var address = BrokerAddress.Parse("amqp://lab:s3cret@broker.lab/sweeps").With("other", "", "changed");

        Assert.Equal(("other", "lab", "changed"), (address.VirtualHost, address.Username, address.Password));
        Assert.DoesNotContain("changed", address.ToString(), StringComparison.Ordinal);
        Assert.Equal("rabbitmq://broker.lab:5672/other", address.ToString());
    }
}
