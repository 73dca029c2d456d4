namespace FedDashboard.Core.Orchestration.Callbacks;

/// <summary>A callback's connection was refused before it was opened: its host resolved to a forbidden address.</summary>
public sealed class ForbiddenCallbackAddressException(string message) : Exception(message);
