using System.Text.Json;
using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Data.Tests.Domain;

/// <summary>
/// Statuses and purposes are value types stored as exactly the text the columns held before them, so no data
/// moved: written as parameters, read into rows (nullable too) and as scalars, on both databases.
/// </summary>
public sealed class TextValueTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public Task InvoiceStatus_EveryValue_RoundTripsAsItsText(Dialect dialect) => RoundTripAsync<InvoiceStatus>(dialect);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public Task PaymentStatus_EveryValue_RoundTripsAsItsText(Dialect dialect) => RoundTripAsync<PaymentStatus>(dialect);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public Task PaymentMethod_EveryValue_RoundTripsAsItsText(Dialect dialect) => RoundTripAsync<PaymentMethod>(dialect);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public Task OutboxStatus_EveryValue_RoundTripsAsItsText(Dialect dialect) => RoundTripAsync<OutboxStatus>(dialect);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public Task OutboxPurpose_EveryValue_RoundTripsAsItsText(Dialect dialect) => RoundTripAsync<OutboxPurpose>(dialect);

    [Fact]
    public void KnownValues_TextIsTodaysStoredText()
    {
        Assert.Equal(["PENDING", "SENT", "PARTIALLY_PAID", "PAID", "CANCELLED", "FAILED", "EXPIRED"], Texts<InvoiceStatus>());
        Assert.Equal("PARTIALLY_PAID", InvoiceStatus.PartiallyPaid.Value);
        Assert.Equal(["INITIATED", "SUCCESS", "FAILED", "CANCELLED", "EXPIRED", "NEEDS_REVIEW"], Texts<PaymentStatus>());
        Assert.Equal("NEEDS_REVIEW", PaymentStatus.NeedsReview.Value);
        Assert.Equal(["STK", "C2B"], Texts<PaymentMethod>());
        Assert.Equal(["PENDING", "SENDING", "SENT", "DELIVERED", "READ", "FAILED", "DEAD"], Texts<OutboxStatus>());
        Assert.Equal("DEAD", OutboxStatus.Dead.Value);
        Assert.Equal(["reply", "invoice", "reminder", "receipt", "notice"], Texts<OutboxPurpose>());
        Assert.Equal("reply", OutboxPurpose.Reply.Value);
    }

    [Fact]
    public void Json_WritesAndReadsThePlainText()
    {
        Assert.Equal("\"PARTIALLY_PAID\"", JsonSerializer.Serialize(InvoiceStatus.PartiallyPaid));
        Assert.Equal("{\"S\":\"receipt\",\"N\":null}", JsonSerializer.Serialize(new { S = OutboxPurpose.Receipt, N = (PaymentStatus?)null }));
        Assert.Equal(PaymentStatus.NeedsReview, JsonSerializer.Deserialize<PaymentStatus>("\"NEEDS_REVIEW\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PaymentStatus>("\"needs_review\""));
    }

    [Fact]
    public void Parse_CaseOrUnknownText_Refused()
    {
        Assert.Equal(InvoiceStatus.Paid, InvoiceStatus.Parse("PAID"));
        Assert.False(InvoiceStatus.TryParse("paid", out _));
        var error = Assert.Throws<FormatException>(() => OutboxPurpose.Parse("REPLY"));
        Assert.Contains("'REPLY' is not a known OutboxPurpose", error.Message);
    }

    private static async Task RoundTripAsync<T>(Dialect dialect) where T : struct, ITextValue<T>
    {
        await using var db = await TestDatabases.CreateMigratedAsync(dialect, "textvalue");
        await using var c = await db.OpenAsync(default);
        await c.ExecuteAsync("CREATE TABLE text_values (id bigint PRIMARY KEY, value text NOT NULL, maybe text)");

        var id = 0L;
        foreach (var value in T.All)
        {
            id++;
            await c.ExecuteAsync("INSERT INTO text_values (id, value, maybe) VALUES (@id, @value, @maybe)",
                new { id, value, maybe = id % 2 == 0 ? value : (T?)null });

            // Stored as exactly its text: no data migration, and SQL literals like status = 'PAID' keep matching.
            Assert.Equal(value.Value, await c.QuerySingleAsync<string>("SELECT value FROM text_values WHERE id = @id", new { id }));
            Assert.Equal(value, await c.QuerySingleAsync<T>("SELECT value FROM text_values WHERE value = @value", new { value }));
            var row = await c.QuerySingleAsync<Row<T>>("SELECT id, value, maybe FROM text_values WHERE id = @id", new { id });
            Assert.Equal(value, row.Value);
            Assert.Equal(id % 2 == 0 ? value : null, row.Maybe);
            Assert.Equal(id % 2 == 0 ? value : null, await c.QuerySingleAsync<T?>("SELECT maybe FROM text_values WHERE id = @id", new { id }));
        }
        Assert.Equal(T.All, await c.QueryAsync<T>("SELECT value FROM text_values ORDER BY id"));

        await c.ExecuteAsync("INSERT INTO text_values (id, value) VALUES (0, 'NOT_A_VALUE')");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => c.QuerySingleAsync<Row<T>>("SELECT id, value, maybe FROM text_values WHERE id = 0"));
        Assert.Contains($"'NOT_A_VALUE' is not a known {typeof(T).Name}", Flatten(error));
        error = await Assert.ThrowsAnyAsync<Exception>(() => c.QuerySingleAsync<T>("SELECT value FROM text_values WHERE id = 0"));
        Assert.Contains($"'NOT_A_VALUE' is not a known {typeof(T).Name}", Flatten(error));
    }

    private static IEnumerable<string> Texts<T>() where T : struct, ITextValue<T> => T.All.Select(v => v.Value);

    /// <summary>Dapper wraps a handler's error in its own, naming the column; the message we wrote is inside.</summary>
    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " / " + Flatten(e.InnerException);

    private sealed class Row<T> where T : struct
    {
        public long Id { get; init; }
        public T Value { get; init; }
        public T? Maybe { get; init; }
    }
}
