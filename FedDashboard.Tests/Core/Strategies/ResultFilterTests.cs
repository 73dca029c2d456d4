using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Strategies.Filtering;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Anomaly;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Strategies;

public sealed class ResultFilterTests
{
    /// <param name="coveringEdgeId">The edge the terminal is in now (0: the unsaved test edge itself); null outside every coverage.</param>
    private static TerminalEvidence Terminal(
        TerminalType type = TerminalType.Phone, string app = "camera", double x = 500, double y = 500, int? coveringEdgeId = 0,
        Reliability? reliability = null, double capacity = 1, int samples = 600, double dataAgeHours = 1, EdgeServer? edge = null)
    {
        var terminal = new Terminal("t-1", 0, type, HardwareTier.Mid, x, y);
        terminal.MoveTo(x, y, coveringEdgeId);
        terminal.DescribeData(app, samples, anonymized: true, TestData.Now.AddHours(-dataAgeHours));
        return new TerminalEvidence(terminal, edge ?? TestData.Edge(), reliability ?? Reliability.NoWork, capacity, samples, TestData.Now);
    }

    private static ResultEvidence Result(
        TerminalEvidence? terminal = null, double validationAccuracy = 0.9, double reportSeconds = 10, double? normRatio = 1, double? cosine = 1) =>
        new(terminal ?? Terminal(), validationAccuracy, TimeSpan.FromSeconds(reportSeconds), new UpdateDeviation(normRatio, cosine));

    private static string? Rejects(EvaluationPolicy policy, ResultEvidence result) => new ResultFilter(policy).Rejects(result);

    [Fact]
    public void Rejects_NoBoundSet_AcceptsAnyResult()
    {
        var poor = Result(Terminal(type: TerminalType.IoT, x: 5000, coveringEdgeId: null, reliability: new(0, 9), capacity: 0, samples: 1, dataAgeHours: 999),
            validationAccuracy: 0, reportSeconds: 9999, normRatio: 100, cosine: -1);

        Assert.Null(Rejects(EvaluationPolicy.None, poor));
    }

    [Fact]
    public void Rejects_ValidationAccuracyAtMinimum_Accepts()
    {
        Assert.Null(Rejects(new() { MinValidationAccuracy = 0.6 }, Result(validationAccuracy: 0.6)));
    }

    [Fact]
    public void Rejects_ValidationAccuracyBelowMinimum_SaysAccuracyAndMinimum()
    {
        var reason = Rejects(new() { MinValidationAccuracy = 0.6 }, Result(validationAccuracy: 0.412));

        Assert.Equal($"Validation accuracy {0.412:P1} below the edge's minimum {0.6:P1}", reason);
    }

    [Fact]
    public void Rejects_ReliableTerminal_Accepts()
    {
        Assert.Null(Rejects(new() { MinReliability = 0.8 }, Result(Terminal(reliability: new(9, 1)))));
    }

    [Fact]
    public void Rejects_TerminalWithoutRecord_Accepts()
    {
        Assert.Null(Rejects(new() { MinReliability = 0.8 }, Result(Terminal(reliability: Reliability.NoWork))));
    }

    [Fact]
    public void Rejects_UnreliableTerminal_SaysItsRecord()
    {
        var reason = Rejects(new() { MinReliability = 0.8 }, Result(Terminal(reliability: new(1, 1))));

        Assert.StartsWith($"Reliability {new Reliability(1, 1).Text} below", reason);
    }

    [Fact]
    public void Rejects_InsideTheAssigningEdgesCoverage_Accepts()
    {
        Assert.Null(Rejects(new() { RequireCoverage = true }, Result(Terminal(x: 700, y: 500, coveringEdgeId: null))));
    }

    [Fact]
    public void Rejects_InAnotherEdgesCoverageUnderDiscard_SaysTheEdgeTakesNoneThroughAnother()
    {
        var reason = Rejects(new() { RequireCoverage = true }, Result(Terminal(x: 900, y: 900, coveringEdgeId: 7)));

        Assert.Equal("Outside edge-1's coverage, and edge-1 takes no result through another edge", reason);
    }

    [Fact]
    public void Rejects_InAnotherEdgesCoverageWhenTheDepartureRuleAllows_Accepts()
    {
        var terminal = Terminal(x: 900, y: 900, coveringEdgeId: 7, edge: TestData.Edge(EdgePolicy.Default with { OnDeparture = DepartureRule.FinishThroughNewEdge }));

        Assert.Null(Rejects(new() { RequireCoverage = true }, Result(terminal)));
    }

    [Fact]
    public void Rejects_OutsideEveryCoverageWhenTheDepartureRuleAllowsAnotherEdge_Rejects()
    {
        var terminal = Terminal(x: 900, y: 900, coveringEdgeId: null, edge: TestData.Edge(EdgePolicy.Default with { OnDeparture = DepartureRule.FinishThroughNewEdge }));

        Assert.Equal("Outside every edge's coverage", Rejects(new() { RequireCoverage = true }, Result(terminal)));
    }

    [Fact]
    public void Rejects_AllowedType_Accepts()
    {
        Assert.Null(Rejects(new() { AllowedTypes = [TerminalType.Phone, TerminalType.Tablet] }, Result(Terminal(type: TerminalType.Tablet))));
    }

    [Fact]
    public void Rejects_TypeNotAllowed_NamesTypeAndAllowedOnes()
    {
        var reason = Rejects(new() { AllowedTypes = [TerminalType.Phone, TerminalType.Tablet] }, Result(Terminal(type: TerminalType.IoT)));

        Assert.Equal("Terminal type IoT is not among the edge's allowed Phone, Tablet", reason);
    }

    [Fact]
    public void Rejects_CapacityAtMinimum_Accepts()
    {
        Assert.Null(Rejects(new() { MinCapacity = 0.5 }, Result(Terminal(capacity: 0.5))));
    }

    [Fact]
    public void Rejects_CapacityBelowMinimum_SaysScoreAndMinimum()
    {
        Assert.Equal("Capacity score 0.21 below the edge's minimum 0.50", Rejects(new() { MinCapacity = 0.5 }, Result(Terminal(capacity: 0.21))));
    }

    [Fact]
    public void Rejects_EnoughData_Accepts()
    {
        Assert.Null(Rejects(new() { MinDataSamples = 500 }, Result(Terminal(samples: 600))));
    }

    [Fact]
    public void Rejects_TooLittleData_SaysSamplesAndMinimum()
    {
        Assert.Equal("Data of 120 samples below the edge's minimum 500", Rejects(new() { MinDataSamples = 500 }, Result(Terminal(samples: 120))));
    }

    [Fact]
    public void Rejects_DataYoungerThanMaximum_Accepts()
    {
        Assert.Null(Rejects(new() { MaxDataAgeHours = 24 }, Result(Terminal(dataAgeHours: 23))));
    }

    [Fact]
    public void Rejects_DataOlderThanMaximum_SaysAgeAndMaximum()
    {
        Assert.Equal($"Data {30.0:0.0} h old, older than the edge's maximum 24 h", Rejects(new() { MaxDataAgeHours = 24 }, Result(Terminal(dataAgeHours: 30))));
    }

    [Fact]
    public void Rejects_ReportedInTime_Accepts()
    {
        Assert.Null(Rejects(new() { MaxReportSeconds = 60 }, Result(reportSeconds: 60)));
    }

    [Fact]
    public void Rejects_ReportedLate_SaysDelayAndMaximum()
    {
        Assert.Equal($"Reported {95.0:0.0} s after assignment, later than the edge's maximum 60 s", Rejects(new() { MaxReportSeconds = 60 }, Result(reportSeconds: 95)));
    }

    [Fact]
    public void Rejects_AppOnTheAllowListInOtherCase_Accepts()
    {
        Assert.Null(Rejects(new() { AllowedApps = ["Camera", "keyboard"] }, Result(Terminal(app: "camera"))));
    }

    [Fact]
    public void Rejects_AppNotOnTheAllowList_NamesAppAndList()
    {
        var reason = Rejects(new() { AllowedApps = ["camera", "keyboard"] }, Result(Terminal(app: "health")));

        Assert.Equal("App 'health' is not on the edge's allow-list (camera, keyboard)", reason);
    }

    [Fact]
    public void Rejects_NormRatioWithinMaximum_Accepts()
    {
        Assert.Null(Rejects(new() { MaxNormRatio = 3 }, Result(normRatio: 2.9)));
    }

    [Fact]
    public void Rejects_NormRatioAboveMaximum_SaysRatioAndMaximum()
    {
        Assert.Equal($"Update norm {9.8:0.0}× the round's median (max 3×)", Rejects(new() { MaxNormRatio = 3 }, Result(normRatio: 9.8)));
    }

    [Fact]
    public void Rejects_NormRatioUnknown_Accepts()
    {
        Assert.Null(Rejects(new() { MaxNormRatio = 3 }, Result(normRatio: null)));
    }

    [Fact]
    public void Rejects_DirectionWithTheMajority_Accepts()
    {
        Assert.Null(Rejects(new() { MinCosineSimilarity = 0 }, Result(cosine: 0.4)));
    }

    [Fact]
    public void Rejects_DirectionAgainstTheMajority_SaysCosineAndMinimum()
    {
        var reason = Rejects(new() { MinCosineSimilarity = 0 }, Result(cosine: -0.95));

        Assert.Equal($"Update direction at cosine {-0.95:0.00} to the round's median update, below the edge's minimum {0.0:0.00}", reason);
    }

    [Fact]
    public void Rejects_DirectionUnknown_Accepts()
    {
        Assert.Null(Rejects(new() { MinCosineSimilarity = 0 }, Result(cosine: null)));
    }

    [Fact]
    public void Rejects_TwoBoundsBroken_GivesBothReasons()
    {
        var reason = Rejects(new() { MinDataSamples = 500, MinValidationAccuracy = 0.6 }, Result(Terminal(samples: 120), validationAccuracy: 0.5));

        Assert.Equal($"Data of 120 samples below the edge's minimum 500; Validation accuracy {0.5:P1} below the edge's minimum {0.6:P1}", reason);
    }

    [Fact]
    public void RejectsTerminal_OnlyResultBoundsSet_AcceptsBeforeTraining()
    {
        var filter = new ResultFilter(new() { MinValidationAccuracy = 0.99, MaxReportSeconds = 1, MaxNormRatio = 1, MinCosineSimilarity = 1 });

        Assert.Null(filter.Rejects(Terminal(type: TerminalType.IoT, samples: 1)));
    }

    [Fact]
    public void RejectsTerminal_TypeNotAllowed_RejectsBeforeTraining()
    {
        var filter = new ResultFilter(new() { AllowedTypes = [TerminalType.Phone] });

        Assert.NotNull(filter.Rejects(Terminal(type: TerminalType.IoT)));
    }
}
