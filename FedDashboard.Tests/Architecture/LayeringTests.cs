using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Training;
using NetArchTest.Rules;
using System.Reflection;

namespace FedDashboard.Tests.Architecture;

/// <summary>
/// Core's layers, each using only those to its left:
/// Learning ← Domain ← Persistence ← Orchestration ← Hosting (← the web app).
/// The simulated fleet uses only what a networked terminal would: the domain, the maths and Orchestration's
/// terminal-facing services; only Hosting composes it.
/// </summary>
public sealed class LayeringTests
{
    private const string Core = "FedDashboard.Core";
    private const string Learning = Core + ".Learning";
    private const string Domain = Core + ".Domain";
    private const string Persistence = Core + ".Persistence";
    private const string Orchestration = Core + ".Orchestration";
    private const string Hosting = Core + ".Hosting";
    private const string Simulation = Core + ".Simulation";

    /// <summary>The terminal protocol's messages: spoken by Orchestration's desks and by terminals, never by the domain or the maths.</summary>
    private const string Protocol = "FedDashboard.Protocol";

    private static readonly string[] EntityFramework = ["Microsoft.EntityFrameworkCore", "Npgsql"];
    private static readonly string[] Hangfire = ["Hangfire"];
    private static readonly string[] AspNetCore = ["Microsoft.AspNetCore"];

    private static readonly Assembly CoreAssembly = typeof(DependencyInjection).Assembly;

    [Fact]
    public void Learning_UsesNoOtherLayer() =>
        AssertNoWrongWay(Learning, [Domain, Persistence, Orchestration, Hosting, Simulation, Protocol, .. EntityFramework, .. Hangfire, .. AspNetCore]);

    [Fact]
    public void Domain_UsesOnlyLearning_AndNoFramework() =>
        AssertNoWrongWay(Domain, [Persistence, Orchestration, Hosting, Simulation, Protocol, .. EntityFramework, .. Hangfire, .. AspNetCore]);

    /// <remarks>Identity's EF stores live here, so Microsoft.AspNetCore.Identity is allowed: it ships as packages, not with the web framework.</remarks>
    [Fact]
    public void Persistence_UsesNeitherServicesNorHosting() =>
        AssertNoWrongWay(Persistence, [Orchestration, Hosting, Simulation, .. Hangfire]);

    [Fact]
    public void Orchestration_UsesNeitherHostingNorTheSimulation() =>
        AssertNoWrongWay(Orchestration, [Hosting, Simulation, .. Hangfire, "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Components"]);

    /// <summary>
    /// The simulator drives terminals through Orchestration's terminal-facing services only. Its terminals' local
    /// data is their partition of the federated data set (<see cref="FederatedData"/>); a networked terminal brings its own.
    /// </summary>
    [Fact]
    public void Simulation_UsesOnlyWhatATerminalWould()
    {
        var orchestrationServices = CoreAssembly.GetTypes()
            .Where(t => t.Namespace == Orchestration + ".Training" && t != typeof(FederatedData) && !t.IsNested)
            .Select(t => t.FullName!);
        AssertNoWrongWay(Simulation, [Persistence, Hosting, .. EntityFramework,
            Orchestration + ".Governance", Orchestration + ".Rewards", Orchestration + ".Security", Orchestration + ".Reports", Orchestration + ".Live",
            .. orchestrationServices]);
    }

    /// <remarks>Data Protection (clients' signing secrets at rest) ships as packages too, not only with the web framework.</remarks>
    [Fact]
    public void Core_DoesNotReferenceTheWebFramework()
    {
        var web = CoreAssembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && !n.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal)
                && !n.StartsWith("Microsoft.AspNetCore.Cryptography", StringComparison.Ordinal)
                && !n.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal));
        Assert.Empty(web);
    }

    private static void AssertNoWrongWay(string layer, IEnumerable<string> forbidden)
    {
        var wrongWay = forbidden
            .SelectMany(dependency => (Types.InAssembly(CoreAssembly).That().ResideInNamespace(layer)
                    .ShouldNot().HaveDependencyOn(dependency).GetResult().FailingTypeNames ?? [])
                .Select(type => $"{type} uses {dependency}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(wrongWay.Count == 0,
            $"{layer} may not use these (Learning ← Domain ← Persistence ← Orchestration ← Hosting):\n" + string.Join("\n", wrongWay));
    }
}
