namespace FedDashboard.Core.Domain.Security;

/// <summary>An actor tried something their roles, or their part in the matter, do not allow; endpoints answer 403.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
