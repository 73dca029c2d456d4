using FedDashboard.Api;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Rewards.Reports;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Net;

namespace FedDashboard.Tests.Integration;

/// <summary>The ledger exports over HTTP of the running dashboard, whose default job keeps earning rewards while the tests run.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LedgerEndpointsTests(DashboardProcess dashboard) : IAsyncLifetime
{
    private HttpClient _viewer = null!;

    public async Task InitializeAsync()
    {
        await dashboard.EnsureUserAsync("vic", Roles.Viewer);
        _viewer = (await SignedInClient.SignInAsync(dashboard.BaseAddress, "vic")).Client;
    }

    public Task DisposeAsync()
    {
        _viewer.Dispose();
        return Task.CompletedTask;
    }

    private static readonly string Csv = RewardEndpoints.LedgerCsvPath.TrimStart('/');
    private static readonly string Xlsx = RewardEndpoints.LedgerXlsxPath.TrimStart('/');

    /// <summary>
    /// The default job's ledger up to its newest committed entry, with a correction of its first entry. Rewarding a job
    /// takes its lock before it reads the clock, so no entry still uncommitted can be older: the set is final.
    /// </summary>
    private async Task<(int JobId, DateTimeOffset To, List<LedgerRow> Rows)> SettledLedgerAsync()
    {
        var first = await dashboard.FirstRewardAsync();
        await using var db = dashboard.Db();
        db.RewardEntries.Add(RewardEntry.CorrectionOf(first, -0.0001m, "Paid twice.", "olga", first.CreatedAt));
        await db.SaveChangesAsync();

        var to = (await db.RewardEntries.Where(e => e.JobId == first.JobId).MaxAsync(e => e.CreatedAt)).AddTicks(10);
        var entries = await db.RewardEntries.AsNoTracking().Where(e => e.JobId == first.JobId && e.CreatedAt < to).ToListAsync();
        return (first.JobId, to, await LedgerExpectation.RowsAsync(db, entries));
    }

    private static string Query(int jobId, DateTimeOffset to) => $"?job={jobId}&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}";

    [Fact]
    public async Task LedgerCsv_DefaultJobWithCorrection_ReadBackEqualsTheStoredEntries()
    {
        var (jobId, to, expected) = await SettledLedgerAsync();

        var response = await _viewer.GetAsync(Csv + Query(jobId, to));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var exported = LedgerExpectation.FromCsv(await response.Content.ReadAsStreamAsync());
        Assert.Equal(expected, exported);
        Assert.Contains(exported, r => r.Kind == RewardKind.Correction && r.Amount == -0.0001m);
    }

    [Fact]
    public async Task LedgerXlsx_DefaultJobWithCorrection_OpensWithTheStoredEntries()
    {
        var (jobId, to, expected) = await SettledLedgerAsync();

        var response = await _viewer.GetAsync(Xlsx + Query(jobId, to));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(expected.Select(LedgerExpectation.InExcel), LedgerExpectation.FromXlsx(file));
    }

    [Fact]
    public async Task LedgerCsv_InvertedPeriod_BadRequestSayingWhyAndNothingElse()
    {
        var response = await _viewer.GetAsync(Csv + "?from=2026-11-23T12:00:00Z&to=2026-11-22");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("The period is inverted: 'from' (2026-11-23 12:00:00 UTC) is after 'to' (2026-11-22 00:00:00 UTC).", body);
        Assert.DoesNotContain(nameof(LedgerRow.CreatedAtUtc), body);
    }

    [Fact]
    public async Task LedgerXlsx_EmptyPeriod_BadRequestSayingWhy()
    {
        var response = await _viewer.GetAsync(Xlsx + "?from=2026-11-23&to=2026-11-23T00:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The period is empty: 'from' and 'to' are both 2026-11-23 00:00:00 UTC, and 'to' is exclusive.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LedgerCsv_PeriodWithoutEntries_NotFoundSayingThereIsNothing()
    {
        var response = await _viewer.GetAsync(Csv + "?from=2030-01-01&to=2030-01-02");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("There are no ledger entries created from 2030-01-01 00:00:00 UTC, created before 2030-01-02 00:00:00 UTC.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LedgerCsv_UnparsableValues_BadRequestNamingEach()
    {
        var response = await _viewer.GetAsync(Csv + "?from=23.11.2026&edge=north&batch=-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("'from' must be an ISO 8601 date or date and time, such as 2026-11-23 or 2026-11-23T12:00:00Z (was '23.11.2026').", body);
        Assert.Contains("'edge' must be an id, a whole number from 1 (was 'north').", body);
        Assert.Contains("'batch' must be an id, a whole number from 1 (was '-1').", body);
    }

    [Fact]
    public async Task LedgerCsv_UnknownJobEdgeAndBatch_BadRequestNamingEach()
    {
        var response = await _viewer.GetAsync(Csv + "?job=9901&edge=9902&batch=9904");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is no job 9901. There is no edge 9902. There is no payout batch 9904.", await response.Content.ReadAsStringAsync());
    }

}
