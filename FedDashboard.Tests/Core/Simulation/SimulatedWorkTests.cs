using FedDashboard.Core.Simulation;

namespace FedDashboard.Tests.Core.Simulation;

public sealed class SimulatedWorkTests
{
    private static readonly SimulationOptions Simulation = new();

    [Fact]
    public void For_IdleTerminal_TakesTheWholePlan() =>
        Assert.Equal(new LocalWorkPlan(40, 40), LocalWorkPlan.For(0.1, 40, Simulation));

    [Fact]
    public void For_SaturatedTerminal_TakesOneStepOfItsPlan() =>
        Assert.Equal(new LocalWorkPlan(40, 1), LocalWorkPlan.For(0.999, 40, Simulation));

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.999)]
    public void For_NothingPlanned_TakesNoStep(double cpuLoad) =>
        Assert.Equal(new LocalWorkPlan(0, 0), LocalWorkPlan.For(cpuLoad, 0, Simulation));

    [Theory]
    [InlineData(100, 590)]
    [InlineData(10_000, 5)]
    [InlineData(100_000, 2)]
    public void SamplesEach_SimulatedFleet_SaysItsShareOfTheImagesAndAtLeastTwo(int terminals, int samples) =>
        Assert.Equal(samples, FleetSeeder.SamplesEach(terminals));
}
