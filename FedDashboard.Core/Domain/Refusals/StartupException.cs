namespace FedDashboard.Core.Domain.Refusals;

/// <summary>Start-up cannot go on; the message says what is wrong and how to fix it, for a person to read.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
