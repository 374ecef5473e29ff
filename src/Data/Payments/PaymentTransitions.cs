using System.Data.Common;
using Dapper;

namespace InvoiceFirst.Data.Payments;

/// <summary>
/// Every payment state change is a conditional update from INITIATED: whoever changes the row
/// first wins, and a replayed or late result finds nothing to change (SUCCESS is final).
/// </summary>
public static class PaymentTransitions
{
    /// <summary>Which Daraja app is about to push the claimed payment; written before the push leaves, so its query asks the same app.</summary>
    public static Task RecordAccountAsync(DbConnection connection, long id, string account, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("UPDATE payments SET daraja_account = @account WHERE id = @id",
            new { id, account }, cancellationToken: ct));

    public static async Task<bool> RecordAcceptedAsync(DbConnection connection, long id, string merchantRequestId, string checkoutRequestId,
        DateTimeOffset firstQueryAt, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE payments SET merchant_request_id = @merchantRequestId, checkout_request_id = @checkoutRequestId,
                next_query_at = @firstQueryAt, updated_at = @now
            WHERE id = @id AND status = 'INITIATED'
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql,
            new { id, merchantRequestId, checkoutRequestId, firstQueryAt, now }, cancellationToken: ct)) == 1;
    }

    /// <summary>The push went out with no answer: nothing to query by, so only the review deadline applies.</summary>
    public static async Task ScheduleQueryAsync(DbConnection connection, DbTransaction? transaction, long id, DateTimeOffset at,
        DateTimeOffset now, CancellationToken ct)
    {
        const string sql = "UPDATE payments SET next_query_at = @at, updated_at = @now WHERE id = @id AND status = 'INITIATED'";
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, at, now }, transaction, cancellationToken: ct));
    }

    /// <summary>INITIATED → FAILED / CANCELLED / EXPIRED / NEEDS_REVIEW; false when the payment was already final.</summary>
    public static async Task<bool> CloseAsync(DbConnection connection, DbTransaction? transaction, long id, PaymentStatus status,
        string? resultCode, string? resultDesc, string? rawCallback, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE payments SET status = @status, result_code = @resultCode, result_desc = @resultDesc,
                raw_callback = COALESCE(@rawCallback, raw_callback), updated_at = @now
            WHERE id = @id AND status = 'INITIATED'
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql,
            new { id, status, resultCode, resultDesc = Cut(resultDesc), rawCallback, now }, transaction, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// FAILED / CANCELLED / EXPIRED → NEEDS_REVIEW: M-PESA reported success after we had closed the
    /// payment, so the money may have moved; a person decides. False when it was in any other state.
    /// </summary>
    public static async Task<bool> ReopenForReviewAsync(DbConnection connection, DbTransaction transaction, long id, string reason,
        string? rawCallback, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE payments SET status = 'NEEDS_REVIEW', result_desc = @reason,
                raw_callback = COALESCE(@rawCallback, raw_callback), updated_at = @now
            WHERE id = @id AND status IN ('FAILED', 'CANCELLED', 'EXPIRED')
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql,
            new { id, reason = Cut(reason), rawCallback, now }, transaction, cancellationToken: ct)) == 1;
    }

    /// <summary>INITIATED → SUCCESS with the receipt (unique); false when it was already final.</summary>
    public static async Task<bool> SucceedAsync(DbConnection connection, DbTransaction transaction, long id, string? receipt,
        string? rawCallback, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE payments SET status = 'SUCCESS', mpesa_receipt = @receipt, result_code = '0',
                raw_callback = COALESCE(@rawCallback, raw_callback), settled_at = @now, updated_at = @now
            WHERE id = @id AND status = 'INITIATED'
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, receipt, rawCallback, now }, transaction, cancellationToken: ct)) == 1;
    }

    /// <summary>Keeps a success callback while STK Query has not confirmed it yet; the query worker finishes.</summary>
    public static async Task KeepCallbackAsync(DbConnection connection, DbTransaction transaction, long id, string? checkoutRequestId,
        string rawCallback, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE payments SET raw_callback = @rawCallback, checkout_request_id = COALESCE(checkout_request_id, @checkoutRequestId),
                next_query_at = @now, updated_at = @now
            WHERE id = @id AND status = 'INITIATED'
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, checkoutRequestId, rawCallback, now }, transaction, cancellationToken: ct));
    }

    /// <summary>Hands every STK payment still open since before <paramref name="deadline"/> to a human; returns their ids.</summary>
    public static async Task<IReadOnlyList<long>> ExpireToReviewAsync(DbConnection connection, DateTimeOffset deadline, DateTimeOffset now,
        CancellationToken ct)
    {
        const string sql = """
            UPDATE payments SET status = 'NEEDS_REVIEW', result_desc = 'no final answer before the review deadline', updated_at = @now
            WHERE status = 'INITIATED' AND method = 'STK' AND created_at < @deadline
            RETURNING id
            """;
        return (await connection.QueryAsync<long>(new CommandDefinition(sql, new { deadline, now }, cancellationToken: ct))).AsList();
    }

    private static string? Cut(string? s) => s is { Length: > 200 } ? s[..200] : s;
}
