using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FedDashboard.Tests.Integration;

/// <summary>Administrators' client applications through the real registry on PostgreSQL.</summary>
public sealed class ClientRegistryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestData.Now);
    private FedTestHost _host = null!;

    private ClientRegistry Registry => _host.Get<ClientRegistry>();

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 5, clock: _clock);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<List<ClientApplication>> StoredAsync()
    {
        await using var db = _host.Db();
        return await db.ClientApplications.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    private async Task<List<AuditEntry>> ClientAuditAsync(AuditOutcome outcome) =>
        [.. (await _host.AuditAsync(outcome)).Where(e => e.Subject == AuditSubject.Client)];

    [Fact]
    public async Task RegisterAsync_AsAdministrator_StoresTheCheckedDetailsAndAuditsThem()
    {
        var client = await Registry.RegisterAsync(TestClients.Administrator,
            TestClients.Details(name: "  Acme Vision ", models: [ModelArchitecture.Cnn, ModelArchitecture.Mlp2NN, ModelArchitecture.Cnn], spendingLimit: 1234.5678m));

        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(("Acme Vision", "ml-ops@acme.example", 1234.5678m, "EUR", "ada", TestData.Now, false),
            (stored.Name, stored.ContactEmail, stored.SpendingLimit, stored.Currency, stored.CreatedBy, stored.CreatedAt, stored.IsSuspended));
        Assert.Equal([ModelArchitecture.Mlp2NN, ModelArchitecture.Cnn], stored.AllowedModels);
        var row = Assert.Single(await ClientAuditAsync(AuditOutcome.Done));
        Assert.Equal(("ada", AuditAction.ClientRegistered, client.Id.ToString()), (row.Actor, row.Action, row.SubjectId));
        var state = AuditReading.State<ClientApplicationState>(row.After)!;
        Assert.Equal((client.Id, "Acme Vision", 1234.5678m, "EUR"), (state.Id, state.Name, state.SpendingLimit, state.Currency));
        Assert.Equal(stored.AllowedModels, state.AllowedModels);
    }

    public static TheoryData<ClientDetails, string, string> BadDetails => new()
    {
        { TestClients.Details(name: "  "), "name", "A client needs a name." },
        { TestClients.Details(name: new string('x', 101)), "name", "A client's name has at most 100 characters (was 101)." },
        { TestClients.Details(contactEmail: ""), "contactEmail", "A client needs a contact e-mail address, for whoever answers for its requests." },
        { TestClients.Details(contactEmail: "not an address"), "contactEmail", "'not an address' is not an e-mail address such as ops@example.com." },
        { TestClients.Details(contactEmail: "Ops <ops@acme.example>"), "contactEmail", "'Ops <ops@acme.example>' is not an e-mail address such as ops@example.com." },
        { TestClients.Details(models: []), "allowedModels", "A client may order at least one model (Mlp2NN, Cnn)." },
        { TestClients.Details(models: [(ModelArchitecture)7]), "allowedModels", "There is no model 7; the models are Mlp2NN, Cnn." },
        { TestClients.Details(spendingLimit: -1m), "spendingLimit",
            "A spending limit is from 0 to 1000000000 with at most 4 decimal places, as the ledger keeps amounts (was -1)." },
        { TestClients.Details(spendingLimit: 0.00001m), "spendingLimit",
            "A spending limit is from 0 to 1000000000 with at most 4 decimal places, as the ledger keeps amounts (was 0.00001)." },
        { TestClients.Details(currency: "euro"), "currency", "The currency is a three-letter ISO 4217 code such as EUR (was 'euro')." },
    };

    [Theory]
    [MemberData(nameof(BadDetails))]
    public async Task RegisterAsync_BadDetails_RefusedAtTheFieldAndNothingStored(ClientDetails details, string field, string message)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Registry.RegisterAsync(TestClients.Administrator, details));

        Assert.Equal((message, field), (error.Message, error.Field));
        Assert.Empty(await StoredAsync());
        Assert.Empty(await ClientAuditAsync(AuditOutcome.Done));
    }

    [Fact]
    public async Task RegisterAsync_NameTakenInAnotherCase_RefusedAtTheNameAndNothingStored()
    {
        await Registry.RegisterAsync(TestClients.Administrator, TestClients.Details(name: "Acme Vision"));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Registry.RegisterAsync(TestClients.Administrator, TestClients.Details(name: "ACME vision")));

        Assert.Equal(("There is a client named ACME vision already; choose another name.", "name"), (error.Message, error.Field));
        Assert.Single(await StoredAsync());
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Approver)]
    [InlineData(Roles.Viewer)]
    public async Task RegisterAsync_NotAdministrator_RefusedAuditedAndNothingStored(string role)
    {
        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => Registry.RegisterAsync(Actor.User("olivia", role), TestClients.Details()));

        Assert.Equal("olivia may not register client applications without the administrator role.", error.Message);
        Assert.Empty(await StoredAsync());
        var refusal = Assert.Single(await ClientAuditAsync(AuditOutcome.Refused));
        Assert.Equal(("olivia", AuditAction.ClientRegistered, ClientRegistry.NewClient), (refusal.Actor, refusal.Action, refusal.SubjectId));
    }

    [Fact]
    public async Task EditAsync_AsAdministrator_ChangesTheDetailsAndAuditsBeforeAndAfter()
    {
        var client = await Registry.RegisterAsync(TestClients.Administrator, TestClients.Details());

        await Registry.EditAsync(TestClients.Administrator, client.Id,
            TestClients.Details(name: "Acme Imaging", models: [ModelArchitecture.Cnn], spendingLimit: 20m, currency: "USD"));

        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(("Acme Imaging", 20m, "USD", ModelArchitecture.Cnn), (stored.Name, stored.SpendingLimit, stored.Currency, Assert.Single(stored.AllowedModels)));
        var row = (await ClientAuditAsync(AuditOutcome.Done)).Last();
        Assert.Equal(AuditAction.ClientEdited, row.Action);
        Assert.Equal("Acme Vision", AuditReading.State<ClientApplicationState>(row.Before)!.Name);
    }

    [Fact]
    public async Task EditAsync_KeepsItsOwnNameInAnotherCase_Accepted()
    {
        var client = await Registry.RegisterAsync(TestClients.Administrator, TestClients.Details(name: "Acme Vision"));

        await Registry.EditAsync(TestClients.Administrator, client.Id, TestClients.Details(name: "ACME Vision"));

        Assert.Equal("ACME Vision", Assert.Single(await StoredAsync()).Name);
    }

    [Fact]
    public async Task EditAsync_BadDetails_RefusedAndNothingChanged()
    {
        var client = await Registry.RegisterAsync(TestClients.Administrator, TestClients.Details());

        await Assert.ThrowsAsync<InvalidInputException>(() => Registry.EditAsync(TestClients.Administrator, client.Id, TestClients.Details(name: "New name", currency: "")));

        Assert.Equal("Acme Vision", Assert.Single(await StoredAsync()).Name);
        Assert.Single(await ClientAuditAsync(AuditOutcome.Done));
    }

    [Fact]
    public async Task EditAsync_UnknownClient_NotFound()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => Registry.EditAsync(TestClients.Administrator, 999, TestClients.Details()));

        Assert.Equal("There is no client 999.", error.Message);
    }

    [Fact]
    public async Task SuspendAsync_ThenResume_SuspendsOnceAndAuditsBoth()
    {
        var client = await Registry.RegisterAsync(TestClients.Administrator, TestClients.Details());

        await Registry.SuspendAsync(TestClients.Administrator, client.Id);
        var suspended = Assert.Single(await StoredAsync());
        var again = await Assert.ThrowsAsync<ConflictException>(() => Registry.SuspendAsync(TestClients.Administrator, client.Id));
        await Registry.ResumeAsync(TestClients.Administrator, client.Id);

        Assert.Equal(("ada", TestData.Now), (suspended.SuspendedBy, suspended.SuspendedAt));
        Assert.StartsWith("Client Acme Vision was suspended already, by ada", again.Message);
        Assert.False(Assert.Single(await StoredAsync()).IsSuspended);
        Assert.Equal([AuditAction.ClientRegistered, AuditAction.ClientSuspended, AuditAction.ClientResumed],
            (await ClientAuditAsync(AuditOutcome.Done)).Select(e => e.Action));
    }

    [Fact]
    public async Task ResumeAsync_NotSuspended_Conflict()
    {
        var client = await Registry.RegisterAsync(TestClients.Administrator, TestClients.Details());

        var error = await Assert.ThrowsAsync<ConflictException>(() => Registry.ResumeAsync(TestClients.Administrator, client.Id));

        Assert.Equal("Client Acme Vision is not suspended.", error.Message);
    }

    [Fact]
    public async Task SuspendAsync_NotAdministrator_RefusedAuditedAndStillActive()
    {
        var client = await Registry.RegisterAsync(TestClients.Administrator, TestClients.Details());

        await Assert.ThrowsAsync<AccessDeniedException>(() => Registry.SuspendAsync(TestData.Operator, client.Id));

        Assert.False(Assert.Single(await StoredAsync()).IsSuspended);
        Assert.Equal(AuditAction.ClientSuspended, Assert.Single(await ClientAuditAsync(AuditOutcome.Refused)).Action);
    }
}
