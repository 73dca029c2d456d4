using CsvHelper;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Persistence;
using FedDashboard.Model;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Net;

namespace FedDashboard.Tests.Integration;

[Collection(DashboardCollection.Name)]
public sealed class AuditExportTests(DashboardProcess dashboard)
{
    private async Task<HttpClient> ApproverAsync()
    {
        await dashboard.EnsureUserAsync("april", FedDashboard.Core.Domain.Security.Roles.Approver);
        return (await SignedInClient.SignInAsync(dashboard.BaseAddress, "april")).Client;
    }

    private async Task<List<AuditEntry>> StoredAsync(Func<IQueryable<AuditEntry>, IQueryable<AuditEntry>> filter)
    {
        await using var db = new FedDbContext(new DbContextOptionsBuilder<FedDbContext>().UseNpgsql(dashboard.ConnectionString).Options);
        return await filter(db.AuditEntries.AsNoTracking()).OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task Export_UsersCreated_ReadBackWithCsvHelperEqualsTheLog()
    {
        using var client = await ApproverAsync();

        var response = await client.GetAsync("audit/export.csv?action=UserCreated");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var csv = CsvReader.Create(body, CsvReaderOptions.Default with { FormatProvider = CultureInfo.InvariantCulture });
        var exported = csv.GetRecords<AuditCsvRow>().ToList();
        var stored = (await StoredAsync(q => q.Where(e => e.Action == AuditAction.UserCreated))).Select(AuditCsvRow.Of).ToList();
        Assert.True(stored.Count >= 2, "the first administrator and april were created");
        Assert.Equal(stored, exported);
    }

    [Fact]
    public async Task Export_InvertedPeriod_BadRequestSayingWhy()
    {
        using var client = await ApproverAsync();

        var response = await client.GetAsync("audit/export.csv?from=2026-11-23T12:00:00Z&to=2026-11-22T12:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'from' (2026-11-23 12:00) must be before 'to' (2026-11-22 12:00)", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_UnknownAction_BadRequestListingTheActions()
    {
        using var client = await ApproverAsync();

        var response = await client.GetAsync("audit/export.csv?action=Deleted");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'action' must be one of PolicyChanged", await response.Content.ReadAsStringAsync());
    }
}
