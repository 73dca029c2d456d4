using FedDashboard.Tests.Shared;
using Npgsql;
using System.Net;

namespace FedDashboard.Tests.Integration;

/// <summary>The running dashboard's health endpoints, asked without signing in, and the node it registered.</summary>
[Collection(DashboardCollection.Name)]
public sealed class HealthEndpointsTests(DashboardProcess dashboard)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Get_NotSignedIn_AnswersHealthyAndNothingMore(string path)
    {
        using var client = new HttpClient { BaseAddress = dashboard.BaseAddress };

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Start_LoneNode_RegistersAndLeads()
    {
        await using var connection = new NpgsqlConnection(dashboard.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT n."Name", n."Role", l."Holder"
            FROM "ClusterNodes" n LEFT JOIN "LeaderLeases" l ON l."Holder" = n."Name"
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.Equal("All", reader.GetString(1));
        Assert.Equal(reader.GetString(0), reader.GetString(2));
        Assert.False(await reader.ReadAsync());
    }
}
