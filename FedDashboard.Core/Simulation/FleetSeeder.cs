using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Protocol;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// Creates the simulated edges and enrols the simulated terminals through the protocol on a topology that has none, each
/// with an enrolment code the system issues for the fleet; each terminal keeps its credential in
/// <see cref="SimulatedCredentials"/> and sends a first heartbeat from where it is placed. Then, and at every node's start,
/// the terminals take the credentials every node derives alike from the fleet's key.
/// </summary>
/// <remarks>
/// It enrols in process whatever the fleet's transport: it runs while the node starts, before it listens. The same
/// desks answer, so no check is skipped; the fleet's later calls go through the configured transport.
/// </remarks>
public sealed class FleetSeeder(
    FleetRegistry registry,
    OwnFleetEnrolment enrolment,
    InProcessTerminalChannel channel,
    SimulatedCredentials credentials,
    IOptions<FleetOptions> options,
    TimeProvider clock)
{
    private static readonly string[] Apps = ["camera", "keyboard", "health"];
    private const int MnistTrainingImages = 60_000;

    /// <summary>Terminals enrolled in one transaction.</summary>
    private const int EnrolmentBatch = 2_000;

    /// <returns>True when it created the fleet, false when one was already there.</returns>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await registry.HasEdgesAsync(ct)) return false;
        var edges = await registry.AddEdgesAsync(FleetLayout.Edges(options.Value), ct);
        var placed = FleetLayout.Terminals(options.Value, edges);
        var codes = new Dictionary<int, string>();
        foreach (var edge in placed.GroupBy(p => p.Edge.Id))
            codes[edge.Key] = await enrolment.IssueCodeAsync(edge.Key, edge.Count(), ct);

        var random = new Random(options.Value.Seed);
        var now = clock.GetUtcNow();
        var mapSize = options.Value.MapSize;
        var samples = SamplesEach(options.Value.Terminals);
        foreach (var chunk in placed.Chunk(EnrolmentBatch))
        {
            var devices = chunk.Select(placement =>
            {
                var (terminal, edge) = placement;
                var (load, battery, memory) = (random.NextDouble() * 0.5, 0.5 + random.NextDouble() * 0.5, 1024 + random.Next(3072));
                var (app, anonymized, updatedAt) = (Apps[random.Next(Apps.Length)], random.NextDouble() < 0.8, now - TimeSpan.FromHours(random.NextDouble() * 48));
                var enrol = new EnrolRequest(codes[edge.Id], terminal.Name, terminal.Type.ToString(), terminal.Tier.ToString(), app, samples, updatedAt, anonymized,
                    SimulatedDevice.AgentVersion);
                // On the map, as the fleet's motion keeps them (FleetLayout's circles reach past its border).
                var (x, y) = (Math.Clamp(terminal.PositionX, 0, mapSize), Math.Clamp(terminal.PositionY, 0, mapSize));
                return (Enrol: enrol, Heartbeat: new HeartbeatRequest(x, y, load, memory, battery, app, samples, updatedAt, WantsWork: false, SimulatedDevice.AgentVersion));
            }).ToList();
            var enrolled = await channel.EnrolAllAsync([.. devices.Select(d => d.Enrol)], ct);
            foreach (var (device, terminal) in devices.Zip(enrolled))
            {
                credentials.Keep(terminal.TerminalId, terminal.Credential);
                await channel.HeartbeatAsync(terminal.Credential, device.Heartbeat, ct);
            }
        }
        return true;
    }

    /// <summary>
    /// The images each simulated terminal says it holds: its share of the training images, which its shard in a job
    /// never exceeds (the result intake refuses a result trained on more than that). A fleet bigger than the images
    /// trains its first terminals only (see <see cref="FederatedData.TerminalsToSplitAmong"/>), whose shards hold one
    /// image (IID) or two (two label-sorted shards).
    /// </summary>
    public static int SamplesEach(int terminals) =>
        Math.Max(FederatedSplit.ShardsPerTerminal, (MnistTrainingImages - FederatedData.ValidationImages) / terminals);

    /// <summary>The terminals take the credentials every node derives alike (see <see cref="OwnFleetEnrolment.EnsureDerivedAsync"/>).</summary>
    public async Task EnsureCredentialsAsync(CancellationToken ct = default)
    {
        foreach (var (terminalId, credential) in await enrolment.EnsureDerivedAsync(ct)) credentials.Keep(terminalId, credential);
    }
}
