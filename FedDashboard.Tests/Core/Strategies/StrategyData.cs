using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.ServerOptimizers;
using FedDashboard.Tests.Shared;
using System.Reflection;

namespace FedDashboard.Tests.Core.Strategies;

/// <summary>Plain edges, terminals and full-width 2NN models for strategy tests; no database assigns ids, so these do.</summary>
internal static class StrategyData
{
    public static readonly TrainingSettings Settings = new() { ClientFraction = 0.1, Seed = 7 };

    public static EdgeServer Edge(int id, EdgePolicy? policy = null)
    {
        var edge = TestData.Edge(policy);
        SetId(edge, id);
        return edge;
    }

    /// <summary>An idle terminal in the coverage of edge <paramref name="edgeId"/> that asked for work.</summary>
    public static Terminal Idle(int id, int edgeId, double samplesPerSecond = 100, int samples = 600)
    {
        var terminal = new Terminal($"t{id}", id, TerminalType.Phone, HardwareTier.Mid, 500, 500);
        SetId(terminal, id);
        terminal.MoveTo(500, 500, edgeId);
        terminal.ReportTelemetry(0.1, 0.9, 2048, online: true, TestData.Now);
        terminal.RecordTrainingSpeed(samplesPerSecond);
        terminal.DescribeData("camera", samples, anonymized: true, TestData.Now.AddHours(-1));
        terminal.RequestWork(TestData.Now);
        return terminal;
    }

    /// <summary>A job's strategy whose edges run <paramref name="policy"/> with terminals that asked for work.</summary>
    public static CentralStrategy Central(TrainingSettings? settings = null, IModelAggregation? rule = null, IServerOptimizer? optimizer = null)
    {
        var job = settings ?? Settings;
        var aggregation = rule ?? new FedAvg();
        return new CentralStrategy(job, aggregation, edge => new EdgeStrategy(edge, job, aggregation, new TerminalsAsk(), mapSize: 1000), optimizer);
    }

    public static RoundCandidates Round(int number, IReadOnlyList<EdgeServer> edges, IReadOnlyList<Terminal> idle, IReadOnlyDictionary<int, SharedDataDonors>? donors = null, int fleet = 40) =>
        new(number, fleet, edges, idle, new Dictionary<int, Reliability>(), donors, TestData.Now);

    /// <summary>A full-width 2NN, every value <paramref name="value"/>.</summary>
    public static ParameterSet Full(float value) => TestModels.Mlp2NN(hidden: 200, value: (_, _) => value);

    private static void SetId(object entity, int id) =>
        entity.GetType().GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)!.SetValue(entity, id);
}
