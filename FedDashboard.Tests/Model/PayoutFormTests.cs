using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Model;

namespace FedDashboard.Tests.Model;

/// <summary>The payouts form takes picked days as the Rewards page does: UTC days, the last one included.</summary>
public sealed class PayoutFormTests
{
    [Fact]
    public void Scope_LastDayPicked_EndsAtTheNextMidnight()
    {
        var form = new PayoutForm { Days = new(new DateTime(2026, 11, 1), new DateTime(2026, 11, 23)) };

        Assert.Equal((new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)),
            (form.Scope.From, form.Scope.To));
    }

    [Fact]
    public void ErrorFor_LastDayBeforeFirst_SaysItInThePickedDays()
    {
        var form = new PayoutForm { Days = new(new DateTime(2026, 11, 23), new DateTime(2026, 11, 20)) };

        Assert.Equal("The period is inverted: the first day (2026-11-23) is after the last day (2026-11-20).", form.ErrorFor(nameof(PayoutScope.To)));
    }

    [Fact]
    public void Period_ScopeOfWholeDays_ShowsTheLastDayItIncludes()
    {
        var form = new PayoutForm { Days = new(new DateTime(2026, 11, 1), new DateTime(2026, 11, 23)) };

        Assert.Equal("2026-11-01 – 2026-11-23", PayoutTexts.Period(form.Scope));
    }
}
