namespace OrleansSweep.Cluster.Tests;

public sealed class ClusterOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_prefetch_follows_concurrency()
    {
        var options = new ClusterOptions { Transport = TransportKind.RabbitMq, Concurrency = 3 };

        Assert.Empty(options.Validate());
        Assert.Equal(3, options.EffectivePrefetch);
    }

    [Fact]
    public void Every_invalid_setting_is_named()
    {
        var options = new ClusterOptions
        {
            Transport = TransportKind.RabbitMq,
            BrokerUri = "http://nope",
            Concurrency = 0,
            Prefetch = -1,
            DataFolder = " ",
        };

        var errors = options.Validate();

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("BrokerUri", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Concurrency", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Prefetch", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("DataFolder", StringComparison.Ordinal));
    }
}
