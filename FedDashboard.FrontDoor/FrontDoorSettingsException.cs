namespace FedDashboard.FrontDoor;

/// <summary>The front door's settings are wrong; the message says which and how to fix it.</summary>
public sealed class FrontDoorSettingsException(string message) : Exception(message);
