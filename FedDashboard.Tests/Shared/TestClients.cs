using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Learning.Models;

namespace FedDashboard.Tests.Shared;

/// <summary>Client applications for tests, and the administrator who registers them.</summary>
public static class TestClients
{
    public static readonly Actor Administrator = Actor.User("ada", Roles.Administrator);

    public static ClientDetails Details(string name = "Acme Vision", string contactEmail = "ml-ops@acme.example", ModelArchitecture[]? models = null,
        decimal spendingLimit = 500m, string currency = "EUR") =>
        new(name, contactEmail, models ?? [ModelArchitecture.Mlp2NN], spendingLimit, currency);
}
