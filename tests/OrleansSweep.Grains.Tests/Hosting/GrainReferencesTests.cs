using OrleansSweep.Contracts.Grains;
using OrleansSweep.Grains.Hosting;
using OrleansSweep.Grains.Tests.Support;

namespace OrleansSweep.Grains.Tests.Hosting;

/// <summary>The cached references must be the factory's own: same grain id, same interface, same proxy type.</summary>
public sealed class GrainReferencesTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Theory]
    [InlineData("cell-0123abcd")]
    [InlineData("a/b c:ü")]
    public void A_cell_reference_equals_the_factorys(string cellId)
    {
        var grains = fixture.Client;

        var cached = grains.Cell(cellId);
        var usual = grains.GetGrain<ICellGrain>(cellId);

        Assert.Equal(usual.GetGrainId(), cached.GetGrainId());
        Assert.Equal(usual.GetGrainId(), grains.CellId(cellId));
        Assert.Equal(((GrainReference)usual).InterfaceType, ((GrainReference)cached).InterfaceType);
        Assert.Equal(usual.GetType(), cached.GetType());
        Assert.Equal(usual, cached);
    }

    [Fact]
    public void A_sweep_reference_equals_the_factorys()
    {
        var grains = fixture.Client;
        foreach (var sweepId in new[] { Guid.NewGuid(), Guid.Empty, Guid.Parse("00000000-0000-0000-0000-000000000001") })
        {
            var cached = grains.Sweep(sweepId);
            var usual = grains.GetGrain<ISweepGrain>(sweepId);

            Assert.Equal(usual.GetGrainId(), cached.GetGrainId());
            Assert.Equal(((GrainReference)usual).InterfaceType, ((GrainReference)cached).InterfaceType);
            Assert.Equal(usual, cached);
        }
    }

    [Fact]
    public async Task A_cached_sweep_reference_reaches_the_grain_of_its_key()
    {
        var sweepId = Guid.NewGuid();

        var status = await fixture.Client.Sweep(sweepId).GetStatusAsync();

        Assert.Equal(sweepId, status.SweepId);
    }
}
