using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Strategies.Filtering;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Strategies;

public sealed class SelectionGateTests
{
    private static Terminal Idle(string name, double samplesPerSecond, double load = 0)
    {
        var terminal = new Terminal(name, 0, TerminalType.Phone, HardwareTier.Mid, 500, 500);
        terminal.ReportTelemetry(load, 0.9, 2048, online: true, TestData.Now);
        terminal.RecordTrainingSpeed(samplesPerSecond);
        terminal.DescribeData("camera", 600, anonymized: true, TestData.Now);
        return terminal;
    }

    private static IReadOnlyList<string> Admitted(EvaluationPolicy evaluation, params Terminal[] idle) =>
        [.. SelectionGate.Admit(TestData.Edge(EdgePolicy.Default with { Evaluation = evaluation }), idle, new Dictionary<int, Reliability>(), TestData.Now).Select(t => t.Name)];

    [Fact]
    public void Admit_BoundsNotAppliedAtSelection_AdmitsEveryIdleTerminal()
    {
        Assert.Equal(["slow", "fast"], Admitted(new() { MinCapacity = 0.5 }, Idle("slow", 100), Idle("fast", 1000)));
    }

    [Fact]
    public void Admit_MinCapacityAtSelection_ScoresAgainstTheFastestIdleTerminal()
    {
        // Scores: slow 100/1000 = 0.1, loaded (1 - 0.6) x 1 = 0.4, fast 1.
        var admitted = Admitted(new() { MinCapacity = 0.5, ApplyAtSelection = true }, Idle("slow", 100), Idle("loaded", 1000, load: 0.6), Idle("fast", 1000));

        Assert.Equal(["fast"], admitted);
    }

    [Fact]
    public void Admit_ResultOnlyBoundsAtSelection_AdmitsEveryIdleTerminal()
    {
        var admitted = Admitted(new() { MinValidationAccuracy = 0.99, MaxNormRatio = 1, ApplyAtSelection = true }, Idle("slow", 100), Idle("fast", 1000));

        Assert.Equal(["slow", "fast"], admitted);
    }
}
