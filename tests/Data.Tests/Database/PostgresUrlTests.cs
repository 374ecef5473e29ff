using InvoiceFirst.Data.Database;
using Npgsql;

namespace InvoiceFirst.Data.Tests.Database;

public sealed class PostgresUrlTests
{
    [Fact]
    public void ToConnectionString_FlyStyleUrl_MapsEveryPart()
    {
        var builder = new NpgsqlConnectionStringBuilder(
            PostgresUrl.ToConnectionString("postgres://app%40x:p%3Ass@db.internal:6543/invoices?sslmode=require"));

        Assert.Equal("db.internal", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("invoices", builder.Database);
        Assert.Equal("app@x", builder.Username);
        Assert.Equal("p:ss", builder.Password);
        Assert.Equal(SslMode.Require, builder.SslMode);
    }

    [Fact]
    public void ToConnectionString_NoPort_UsesDefault() =>
        Assert.Equal(5432, new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgresql://u@h/db")).Port);

    [Theory]
    [InlineData("mysql://u:p@h/db")]
    [InlineData("not a url")]
    public void ToConnectionString_NotPostgres_SaysWhatItExpects(string url)
    {
        var error = Assert.Throws<FormatException>(() => PostgresUrl.ToConnectionString(url));
        Assert.Contains("postgres://", error.Message);
    }
}
