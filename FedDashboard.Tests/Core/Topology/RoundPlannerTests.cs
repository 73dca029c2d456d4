using FedDashboard.Core.Domain.Strategies.Planning;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;


namespace FedDashboard.Tests.Core.Topology;

public sealed class RoundPlannerTests
{
    private static RoundPlan Plan(PlannerFleet fleet, int count, SelectionStandard? standard = null, WidthTiers? tiers = null, int seed = 1) =>
        RoundPlanner.Plan(fleet.States, standard ?? SelectionStandard.None, count, tiers ?? WidthTiers.Default, seed);

    private static int[] Selected(RoundPlan plan) => plan.Participants.Select(p => p.Terminal).ToArray();

    [Fact]
    public void Plan_MaxLoadSet_NeverSelectsLoadedTerminal()
    {
        var fleet = new PlannerFleet(100).SetEvery(2, load: 0.9);

        var selected = Enumerable.Range(0, 50).SelectMany(seed => Selected(Plan(fleet, 10, new SelectionStandard(maxCpuLoad: 0.5), seed: seed)));

        Assert.All(selected, t => Assert.True(t % 2 == 1, $"Terminal {t} has load 0.9 and was selected."));
    }

    [Theory]
    [InlineData(0.5, null, null, 3)]
    [InlineData(null, 0.5, null, 5)]
    [InlineData(null, null, 50.0, 7)]
    public void Plan_StandardSet_SelectsOnlyTerminalsMeetingIt(double? maxLoad, double? minBattery, double? minSpeed, int failing)
    {
        var fleet = new PlannerFleet(10).Set(3, load: 0.6).Set(5, battery: 0.4).Set(7, speed: 40);
        var standard = new SelectionStandard(maxLoad, minBattery, minSpeed);

        var plan = Plan(fleet, 10, standard);

        Assert.Equal(Enumerable.Range(0, 10).Where(t => t != failing), Selected(plan));
    }

    [Fact]
    public void Plan_EnoughEligible_SelectsExactlyKDistinct()
    {
        var fleet = new PlannerFleet(1000);

        var plan = Plan(fleet, 100);

        Assert.Equal(100, plan.Participants.Count);
        Assert.Equal(100, Selected(plan).Distinct().Count());
        Assert.Equal(1000, plan.Eligible);
    }

    [Fact]
    public void Plan_FewerEligibleThanK_SelectsAllEligible()
    {
        var fleet = new PlannerFleet(10).SetEvery(2, online: false);

        var plan = Plan(fleet, 8);

        Assert.Equal([1, 3, 5, 7, 9], Selected(plan));
        Assert.Equal(5, plan.Eligible);
    }

    [Fact]
    public void Plan_BusyTerminals_NeverSelected()
    {
        var fleet = new PlannerFleet(6).SetEvery(2, busy: true);

        var plan = Plan(fleet, 6);

        Assert.Equal([1, 3, 5], Selected(plan));
    }

    [Fact]
    public void Plan_OfflineTerminals_NeverSelected()
    {
        var fleet = new PlannerFleet(6).SetEvery(2, online: false);

        var plan = Plan(fleet, 6);

        Assert.Equal([1, 3, 5], Selected(plan));
    }

    [Fact]
    public void Plan_TerminalsOutsideCoverage_NeverSelected()
    {
        var fleet = new PlannerFleet(6).SetEvery(2, edge: -1);

        var plan = Plan(fleet, 6);

        Assert.Equal([1, 3, 5], Selected(plan));
    }

    [Fact]
    public void Plan_SameSeed_SameSelection()
    {
        var fleet = new PlannerFleet(500);

        Assert.Equal(Selected(Plan(fleet, 50, seed: 9)), Selected(Plan(fleet, 50, seed: 9)));
    }

    [Fact]
    public void Plan_DifferentSeed_DifferentSelection()
    {
        var fleet = new PlannerFleet(500);

        Assert.NotEqual(Selected(Plan(fleet, 50, seed: 9)), Selected(Plan(fleet, 50, seed: 10)));
    }

    [Fact]
    public void Plan_ManySeeds_SelectsEveryEligibleTerminalAboutEquallyOften()
    {
        var fleet = new PlannerFleet(30).SetEvery(3, online: false);
        var times = new int[30];

        for (var seed = 0; seed < 4000; seed++)
            foreach (var t in Selected(Plan(fleet, 5, seed: seed))) times[t]++;

        // 20 eligible, 5 chosen: 1000 times each expected, with a standard deviation of about 27.
        Assert.All(Enumerable.Range(0, 30).Where(t => t % 3 != 0), t => Assert.InRange(times[t], 850, 1150));
    }

    [Fact]
    public void Plan_LoadedSlowTerminal_GetsNarrowestTier()
    {
        var fleet = new PlannerFleet(3).Set(0, load: 0.9, speed: 10);

        var plan = Plan(fleet, 3);

        Assert.Equal(0.25, plan.Participants.Single(p => p.Terminal == 0).Width);
    }

    [Fact]
    public void Plan_IdleFastTerminal_GetsWidestTier()
    {
        var fleet = new PlannerFleet(3).Set(0, load: 0.9, speed: 10).Set(1, load: 0, speed: 200);

        var plan = Plan(fleet, 3);

        Assert.Equal(1.0, plan.Participants.Single(p => p.Terminal == 1).Width);
    }

    [Fact]
    public void Plan_HalfLoadedFastestTerminal_GetsMiddleTier()
    {
        var fleet = new PlannerFleet(2).Set(0, load: 0.5, speed: 200);

        var plan = Plan(fleet, 2);

        Assert.Equal(0.5, plan.Participants.Single(p => p.Terminal == 0).Width);
    }

    [Fact]
    public void Plan_NoSpeedMeasuredYet_TiersByLoadAlone()
    {
        var fleet = new PlannerFleet(2).Set(0, load: 0.1, speed: 0).Set(1, load: 0.8, speed: 0);

        var plan = Plan(fleet, 2);

        Assert.Equal([new PlannedTerminal(0, 1.0), new PlannedTerminal(1, 0.25)], plan.Participants);
    }

    [Fact]
    public void Plan_CustomTiers_UsesThem()
    {
        var fleet = new PlannerFleet(2).Set(0, load: 0.5);
        var tiers = new WidthTiers([new(0.9, 1.0), new(0, 0.125)]);

        var plan = Plan(fleet, 2, tiers: tiers);

        Assert.Equal([new PlannedTerminal(0, 0.125), new PlannedTerminal(1, 1.0)], plan.Participants);
    }

    [Fact]
    public void Plan_NegativeCount_Throws()
    {
        var fleet = new PlannerFleet(2);

        Assert.Throws<ArgumentOutOfRangeException>(() => Plan(fleet, -1));
    }

    [Fact]
    public void TerminalStates_ArraysOfDifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => { _ = new TerminalStates(new int[3], new bool[3], new double[3], new double[2], new double[3], new bool[3]); });
    }

    [Theory]
    [InlineData(1.5, null, null)]
    [InlineData(null, -0.1, null)]
    [InlineData(null, null, double.NaN)]
    public void SelectionStandard_ImpossibleBound_Throws(double? maxLoad, double? minBattery, double? minSpeed)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SelectionStandard(maxLoad, minBattery, minSpeed));
    }
}
