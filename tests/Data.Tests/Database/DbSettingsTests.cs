using InvoiceFirst.Data.Database;
using Npgsql;

namespace InvoiceFirst.Data.Tests.Database;

public sealed class DbSettingsTests
{
    [Fact]
    public void PooledSettings_NothingSaid_PreparesStatementsAndSkipsTheResetOnReturn()
    {
        var settings = new NpgsqlConnectionStringBuilder(Db.PooledSettings("Host=db;Database=invoices"));

        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal("db", settings.Host);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;MaxAutoPrepare=0")]
    public void PooledSettings_OperatorTurnedAutoPrepareOff_StaysOff(string connectionString) =>
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(Db.PooledSettings(connectionString)).MaxAutoPrepare);

    [Fact]
    public void PooledSettings_DatabaseUrlTurnsAutoPrepareOff_StaysOff()
    {
        var fromUrl = PostgresUrl.ToConnectionString("postgres://u:p@pooler.example:6543/db?Max%20Auto%20Prepare=0");

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(Db.PooledSettings(fromUrl)).MaxAutoPrepare);
    }
}
