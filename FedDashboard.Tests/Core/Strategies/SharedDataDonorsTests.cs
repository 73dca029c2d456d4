using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Strategies;

public sealed class SharedDataDonorsTests
{
    private static readonly DateTimeOffset Now = TestData.Now;

    private static readonly TrainingSettings Rules = new()
    {
        ShareData = true,
        ShareMaxSamples = 100,
        ShareRequireAnonymized = true,
        ShareMaxAgeHours = 24,
        ShareMaxUses = 2,
    };

    private static Donor Donor(int id, int samples = 1000, bool anonymized = true, double ageHours = 1) =>
        new(id, samples, anonymized, Now.AddHours(-ageHours));

    private static SharedDataDonors Donors(IEnumerable<Donor> donors, Dictionary<int, int>? uses = null, TrainingSettings? rules = null) =>
        new(donors, uses ?? [], rules ?? Rules, Now);

    [Fact]
    public void GrantsFor_DonorNotAnonymized_NeverGrantedWhenRequired()
    {
        var grants = Donors([Donor(1, anonymized: false), Donor(2)]).GrantsFor(recipientTerminalId: 9);

        Assert.Equal([2], grants.Select(g => g.DonorTerminalId));
    }

    [Fact]
    public void GrantsFor_AnonymityNotRequired_NonAnonymizedDonorGranted()
    {
        var grants = Donors([Donor(1, anonymized: false)], rules: Rules with { ShareRequireAnonymized = false }).GrantsFor(9);

        Assert.Equal([1], grants.Select(g => g.DonorTerminalId));
    }

    [Fact]
    public void GrantsFor_DataOlderThanMaxAge_NeverGranted()
    {
        var grants = Donors([Donor(1, ageHours: 25), Donor(2, ageHours: 23)]).GrantsFor(9);

        Assert.Equal([2], grants.Select(g => g.DonorTerminalId));
    }

    [Fact]
    public void GrantsFor_DonorAtMaxUsesInTheJob_NeverGranted()
    {
        var grants = Donors([Donor(1), Donor(2)], uses: new() { [1] = 2 }).GrantsFor(9);

        Assert.Equal([2], grants.Select(g => g.DonorTerminalId));
    }

    [Fact]
    public void GrantsFor_SeveralRecipients_DonorStopsAtMaxUsesWithinTheRound()
    {
        var donors = Donors([Donor(1)]);

        var granted = Enumerable.Range(10, 4).Select(recipient => donors.GrantsFor(recipient).Count).ToArray();

        Assert.Equal([1, 1, 0, 0], granted);
    }

    [Fact]
    public void GrantsFor_ManyDonors_SlicesPerDonorUpToTheLimit()
    {
        var grants = Donors(Enumerable.Range(1, 10).Select(id => Donor(id))).GrantsFor(99);

        Assert.Equal(100, grants.Sum(g => g.Samples));
        Assert.All(grants, g => Assert.Equal(100 / SharedDataDonors.DonorsPerParticipant, g.Samples));
        Assert.Equal(grants.Count, grants.Select(g => g.DonorTerminalId).Distinct().Count());
    }

    [Fact]
    public void GrantsFor_SmallDonors_TakesAllTheyHoldAndMoreDonors()
    {
        var grants = Donors([Donor(1, samples: 10), Donor(2, samples: 500), Donor(3, samples: 500)]).GrantsFor(9);

        Assert.Equal([(1, 10), (2, 25), (3, 25)], grants.Select(g => (g.DonorTerminalId, g.Samples)));
    }

    [Fact]
    public void GrantsFor_UsesSoFar_FewestUsedDonorsFirst()
    {
        var grants = Donors(Enumerable.Range(1, 6).Select(id => Donor(id)), uses: new() { [1] = 1, [2] = 1 }).GrantsFor(9);

        Assert.Equal([3, 4, 5, 6], grants.Select(g => g.DonorTerminalId));
    }

    [Fact]
    public void GrantsFor_RecipientIsADonor_NeverItsOwnDataButStaysAvailableToOthers()
    {
        var donors = Donors([Donor(1), Donor(2)]);

        var first = donors.GrantsFor(1);
        var second = donors.GrantsFor(2);

        Assert.Equal([2], first.Select(g => g.DonorTerminalId));
        Assert.Equal([1], second.Select(g => g.DonorTerminalId));
    }
}
