using FedDashboard.Core.Learning.Models;

namespace FedDashboard.Core.Domain.Clients;

/// <summary>A client application as the audit log records it before and after each step.</summary>
public sealed record ClientApplicationState(int Id, string Name, string ContactEmail, IReadOnlyList<ModelArchitecture> AllowedModels, decimal SpendingLimit,
    string Currency, DateTimeOffset? SuspendedAt, string? SuspendedBy)
{
    public static ClientApplicationState Of(ClientApplication c) =>
        new(c.Id, c.Name, c.ContactEmail, [.. c.AllowedModels], c.SpendingLimit, c.Currency, c.SuspendedAt, c.SuspendedBy);
}
