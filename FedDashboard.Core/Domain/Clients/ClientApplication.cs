using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Learning.Models;

namespace FedDashboard.Core.Domain.Clients;

/// <summary>
/// An application outside that orders models through the client API, registered by an administrator: who to contact,
/// which model architectures it may order, and how much it may spend in all (in <see cref="Currency"/>, at the ledger's
/// precision). A suspended client's keys are refused until it is resumed.
/// </summary>
public sealed class ClientApplication
{
    private ClientApplication() => Name = ContactEmail = Currency = CreatedBy = "";

    public ClientApplication(ClientDetails details, string createdBy, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        Name = ContactEmail = Currency = "";
        Change(details);
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public string ContactEmail { get; private set; }
    public ModelArchitecture[] AllowedModels { get; private set; } = [];
    public decimal SpendingLimit { get; private set; }
    public string Currency { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SuspendedAt { get; private set; }
    public string? SuspendedBy { get; private set; }

    public bool IsSuspended => SuspendedAt is not null;

    public bool Allows(ModelArchitecture model) => AllowedModels.Contains(model);

    /// <summary>Takes details checked by <see cref="ClientDetails.Checked"/>.</summary>
    public void Change(ClientDetails details)
    {
        Name = details.Name;
        ContactEmail = details.ContactEmail;
        AllowedModels = [.. details.AllowedModels];
        SpendingLimit = details.SpendingLimit;
        Currency = details.Currency;
    }

    /// <exception cref="ConflictException">Suspended already.</exception>
    public void Suspend(string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (SuspendedAt is { } since) throw new ConflictException($"Client {Name} was suspended already, by {SuspendedBy} at {since:yyyy-MM-dd HH:mm} UTC.");
        SuspendedAt = at;
        SuspendedBy = by;
    }

    /// <exception cref="ConflictException">Not suspended.</exception>
    public void Resume()
    {
        if (!IsSuspended) throw new ConflictException($"Client {Name} is not suspended.");
        SuspendedAt = null;
        SuspendedBy = null;
    }
}
