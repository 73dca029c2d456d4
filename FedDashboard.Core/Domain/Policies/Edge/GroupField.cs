using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Policies.Edge;

/// <summary>The terminal property a group rule matches on.</summary>
public enum GroupField
{
    /// <summary>Phone, tablet, ... (<see cref="TerminalType"/>).</summary>
    Type,

    /// <summary>Low, Mid, High (<see cref="HardwareTier"/>).</summary>
    Hardware,

    /// <summary>Low (load below 1/3), Medium, High (2/3 and above).</summary>
    LoadBand,

    /// <summary>The map quadrant: NW, NE, SW, SE.</summary>
    Region,

    /// <summary>The app the terminal trains in.</summary>
    App,
}
