namespace FedDashboard.Core.Simulation;

/// <summary>How a simulated Byzantine terminal tampers with its trained model (see <see cref="SimulatedAttack"/>).</summary>
public enum AttackKind
{
    /// <summary>Sends the update reversed: start − (trained − start).</summary>
    SignFlip,

    /// <summary>Sends the update enlarged: start + factor · (trained − start).</summary>
    Scale,

    /// <summary>A stronger variant of the sign flip, reversed and enlarged: start − factor · (trained − start).</summary>
    ScaledSignFlip,
}
