using FedDashboard.Core.Persistence;
using Npgsql;

namespace FedDashboard.Tests.Core.Persistence;

public sealed class PooledConnectionStringTests
{
    private const string Given = "Host=127.0.0.1;Port=5432;Database=fed;Username=app";

    [Fact]
    public void For_NodeThatListens_PreparesStatementsAndKeepsResettingSessions()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PooledConnectionString.For(Given, listens: true));

        Assert.Equal((PooledConnectionString.PreparedStatements, false), (tuned.MaxAutoPrepare, tuned.NoResetOnClose));
        Assert.Equal(("127.0.0.1", 5432, "fed", "app"), (tuned.Host, tuned.Port, tuned.Database, tuned.Username));
    }

    [Fact]
    public void For_NodeThatListensForNothing_SessionsGoBackToThePoolWithoutAReset()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PooledConnectionString.For(Given, listens: false));

        Assert.Equal((PooledConnectionString.PreparedStatements, true), (tuned.MaxAutoPrepare, tuned.NoResetOnClose));
    }

    [Theory]
    [InlineData("Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("maxautoprepare=0;noresetonclose=false")]
    public void For_ConnectionStringThatSetsBoth_KeepsWhatItSets(string settings)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PooledConnectionString.For($"{Given};{settings}", listens: false));

        Assert.Equal((0, false), (tuned.MaxAutoPrepare, tuned.NoResetOnClose));
    }
}
