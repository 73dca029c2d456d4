using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FedDashboard.Core.Orchestration.Clients;

/// <summary>
/// Administrators register the client applications that order models, edit them, suspend and resume them. Each step,
/// and each refusal for roles, is audited in the commit that makes it.
/// </summary>
/// <exception cref="AccessDeniedException">The actor is no administrator; the refusal is recorded and nothing else changes.</exception>
/// <exception cref="InvalidInputException">A detail is not acceptable (at its field); nothing changes.</exception>
/// <exception cref="NotFoundException">No such client.</exception>
/// <exception cref="InvalidInputException">The name is taken (by another client, in any case); nothing changes.</exception>
/// <exception cref="ConflictException">The client is suspended already, or not suspended; nothing changes.</exception>
public sealed class ClientRegistry(IDbContextFactory<FedDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The subject id of a refused registration, which has no client to name.</summary>
    public const string NewClient = "new";

    public async Task<ClientApplication> RegisterAsync(Actor actor, ClientDetails details, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanAdminister, "register client applications without the administrator role", AuditAction.ClientRegistered,
            AuditSubject.Client, NewClient, now, ct);
        var checkedDetails = details.Checked();
        await RequireFreeNameAsync(db, checkedDetails.Name, exceptId: null, ct);

        var client = new ClientApplication(checkedDetails, actor.Name, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ClientApplications.Add(client);
        await SaveNamedAsync(db, checkedDetails.Name, ct);
        db.Audit(actor, AuditAction.ClientRegistered, AuditSubject.Client, client.Id, null, ClientApplicationState.Of(client), now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return client;
    }

    public async Task<ClientApplication> EditAsync(Actor actor, int clientId, ClientDetails details, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanAdminister, $"edit client {clientId} without the administrator role", AuditAction.ClientEdited,
            AuditSubject.Client, clientId, now, ct);
        var checkedDetails = details.Checked();
        return await ChangeAsync(db, actor, clientId, AuditAction.ClientEdited, now, async client =>
        {
            await RequireFreeNameAsync(db, checkedDetails.Name, exceptId: clientId, ct);
            client.Change(checkedDetails);
        }, ct);
    }

    /// <summary>Every key of the client is refused from the next call on, until it is resumed.</summary>
    public async Task<ClientApplication> SuspendAsync(Actor actor, int clientId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanAdminister, $"suspend client {clientId} without the administrator role", AuditAction.ClientSuspended,
            AuditSubject.Client, clientId, now, ct);
        return await ChangeAsync(db, actor, clientId, AuditAction.ClientSuspended, now, client =>
        {
            client.Suspend(actor.Name, now);
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>The client's keys that are neither revoked nor expired work again.</summary>
    public async Task<ClientApplication> ResumeAsync(Actor actor, int clientId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanAdminister, $"resume client {clientId} without the administrator role", AuditAction.ClientResumed,
            AuditSubject.Client, clientId, now, ct);
        return await ChangeAsync(db, actor, clientId, AuditAction.ClientResumed, now, client =>
        {
            client.Resume();
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Every client by name, with its keys newest first.</summary>
    public async Task<IReadOnlyList<ClientListing>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var clients = await db.ClientApplications.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        var keys = (await db.ClientApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).ToListAsync(ct))
            .ToLookup(k => k.ClientId);
        return [.. clients.Select(c => new ClientListing(c, [.. keys[c.Id]]))];
    }

    private static async Task<ClientApplication> ChangeAsync(FedDbContext db, Actor actor, int clientId, AuditAction action, DateTimeOffset now,
        Func<ClientApplication, Task> change, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var client = await db.LockClientAsync(clientId, ct) ?? throw new NotFoundException($"There is no client {clientId}.");
        var before = ClientApplicationState.Of(client);
        await change(client);
        db.Audit(actor, action, AuditSubject.Client, clientId, before, ClientApplicationState.Of(client), now);
        await SaveNamedAsync(db, client.Name, ct);
        await transaction.CommitAsync(ct);
        return client;
    }

    /// <summary>Names differ in more than case, so nobody mistakes one client for another on a page or in the audit log.</summary>
    private static async Task RequireFreeNameAsync(FedDbContext db, string name, int? exceptId, CancellationToken ct)
    {
        var lower = name.ToLowerInvariant();
        if (await db.ClientApplications.AnyAsync(c => c.Name.ToLower() == lower && c.Id != exceptId, ct)) throw NameTaken(name);
    }

    /// <summary>Saves; a registration racing for the same name loses on the unique index.</summary>
    private static async Task SaveNamedAsync(FedDbContext db, string name, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw NameTaken(name);
        }
    }

    private static InvalidInputException NameTaken(string name) =>
        new($"There is a client named {name} already; choose another name.", ClientDetails.NameField);
}
