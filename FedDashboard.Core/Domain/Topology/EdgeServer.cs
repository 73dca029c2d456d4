using FedDashboard.Core.Domain.Policies;
using FedDashboard.Core.Domain.Policies.Edge;


namespace FedDashboard.Core.Domain.Topology;

/// <summary>An edge cloud server and the circle on the 2-D map that its network covers.</summary>
/// <remarks>Its policy says how it finds, selects and serves terminals; a round uses the policy its edge has when it starts.</remarks>
public sealed class EdgeServer : PolicyHolder<EdgePolicy>
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

    public uint Version { get; private set; }

    public bool Covers(double x, double y)
    {
        var dx = x - CenterX;
        var dy = y - CenterY;
        return dx * dx + dy * dy <= Radius * Radius;
    }
}
