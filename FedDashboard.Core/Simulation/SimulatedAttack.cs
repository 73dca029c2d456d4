using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.Options;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// Byzantine terminals for trying robust aggregation: a fixed share of the simulated fleet, drawn from the fleet's
/// seed by data ordinal, tampers with every model it trains before the upload reaches the edge's normal intake. Real
/// terminals upload through the API and never pass here. Thread-safe.
/// </summary>
public sealed class SimulatedAttack(IOptions<FleetOptions> fleet, IOptions<SimulationOptions> simulation, ModelBlobStore blobs)
{
    private readonly Lazy<HashSet<int>> _attackers = new(() => Draw(fleet.Value, simulation.Value.AttackerFraction));

    public bool IsAttacker(Terminal terminal) => _attackers.Value.Contains(terminal.DataOrdinal);

    /// <summary>What the terminal uploads for the model it trained from the start model <paramref name="baseModelHash"/>.</summary>
    public ParameterSet Upload(Terminal terminal, string baseModelHash, ParameterSet trained)
    {
        if (!IsAttacker(terminal)) return trained;
        var options = simulation.Value;
        var factor = options.AttackKind switch
        {
            AttackKind.SignFlip => -1,
            AttackKind.Scale => options.AttackScaleFactor,
            AttackKind.ScaledSignFlip => -options.AttackScaleFactor,
            _ => throw new InvalidOperationException($"Unknown attack kind {options.AttackKind}."),
        };
        return ModelUpdate.Scale(blobs.Get(baseModelHash), trained, factor, segments: null);
    }

    private static HashSet<int> Draw(FleetOptions options, double attackerFraction)
    {
        var ordinals = Enumerable.Range(0, options.Terminals).ToArray();
        // A stream of its own: the layout and the seeder draw from the fleet's seed as it is.
        new Random(options.Seed ^ 0x5EED_A77).Shuffle(ordinals);
        var count = (int)Math.Round(attackerFraction * options.Terminals, MidpointRounding.AwayFromZero);
        return [.. ordinals[..count]];
    }
}
