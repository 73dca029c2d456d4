using FedDashboard.Core.Policies;
using FedDashboard.Core.Policies.Edge;

namespace FedDashboard.Core.Topology;

/// <summary>An edge cloud server and the circle on the 2-D map that its network covers.</summary>
public sealed class EdgeServer : IPolicyHolder<EdgePolicy>
{
    private EdgeServer() => Name = "";

    public EdgeServer(string name, double centerX, double centerY, double radius)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(radius);
        Name = name;
        CenterX = centerX;
        CenterY = centerY;
        Radius = radius;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public double CenterX { get; private set; }
    public double CenterY { get; private set; }
    public double Radius { get; private set; }

    /// <summary>How the edge finds, selects and serves terminals; a round uses the policy its edge has when it starts.</summary>
    public EdgePolicy Policy { get; private set; } = EdgePolicy.Default;

    /// <summary>Counts policy changes; 0 is the default policy.</summary>
    public int PolicyRevision { get; private set; }

    public DateTimeOffset? PolicyChangedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Replaces the policy; throws, changing nothing, when the policy breaks a rule.</summary>
    public void ChangePolicy(EdgePolicy policy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(policy);
        PolicyRules.ThrowIfBroken(policy.Validate());
        Policy = policy;
        PolicyRevision++;
        PolicyChangedAt = at;
    }

    public bool Covers(double x, double y)
    {
        var dx = x - CenterX;
        var dy = y - CenterY;
        return dx * dx + dy * dy <= Radius * Radius;
    }
}
