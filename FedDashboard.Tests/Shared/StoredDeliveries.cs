using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Orchestration.Callbacks;
using FedDashboard.Core.Orchestration.Clients;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Shared;

/// <summary>Callback deliveries in the real table, each for a request of its own client (stored as submitted, without a job).</summary>
public static class StoredDeliveries
{
    /// <returns>The delivery's id and the secret its client's callbacks are signed with.</returns>
    public static async Task<(Guid Id, string Secret)> AddAsync(FedTestHost host, Uri url, string body)
    {
        var client = await host.Get<ClientRegistry>().RegisterAsync(TestClients.Administrator, TestClients.Details(name: $"Client {Guid.NewGuid():N}"));
        await using var db = host.Db();
        var order = new TrainingRequestOrder("Digits", ModelArchitecture.Mlp2NN, new RequestData(), new RequestCondition { TargetAccuracy = 0.9 },
            TestData.Now.AddHours(1), new RequestBudget { MaxRounds = 10, MaxSpend = 10m }, url);
        var request = new TrainingRequest(client.Id, order, "order-1", new string('0', 64), TestData.Now);
        db.TrainingRequests.Add(request);
        await db.SaveChangesAsync();
        var delivery = new CallbackDeliveryRecord(request.Id, client.Id, "request.met", url, body, "system", TestData.Now);
        db.CallbackDeliveries.Add(delivery);
        await db.SaveChangesAsync();
        return (delivery.Id, (await host.Get<SigningSecrets>().CurrentAsync(client.Id)).Secret);
    }

    /// <summary>The delivery's attempts as recorded, oldest first.</summary>
    public static async Task<IReadOnlyList<CallbackAttempt>> AttemptsAsync(FedTestHost host, Guid deliveryId)
    {
        await using var db = host.Db();
        return [.. (await db.CallbackAttempts.AsNoTracking().Where(a => a.DeliveryId == deliveryId).OrderBy(a => a.Number).ToListAsync()).Select(a => a.ToAttempt())];
    }
}
