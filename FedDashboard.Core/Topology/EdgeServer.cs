namespace FedDashboard.Core.Topology;

/// <summary>An edge cloud server and the circle on the 2-D map that its network covers.</summary>
public sealed class EdgeServer
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

    public bool Covers(double x, double y)
    {
        var dx = x - CenterX;
        var dy = y - CenterY;
        return dx * dx + dy * dy <= Radius * Radius;
    }
}
