using System.Globalization;
using InvoiceFirst.Bench.Hosting;
using static InvoiceFirst.Bench.Scenarios.Writes.WriteSql;

namespace InvoiceFirst.Bench.Scenarios.Writes;

/// <summary>
/// A settlement from an STK callback that Daraja delivers three times: the three inbox rows (two of them refused as
/// repeats); the settlement's payment, invoice and its event, the two receipts' outbox rows and the inbox mark; then for
/// each receipt, by SMS as in <c>settle</c>, the day's SMS count and its start mark, and its accepted outcome (log
/// line, row). The set-up writes each unit's customer, invoice and live STK payment, unmeasured.
/// </summary>
public sealed class SettlementWrites(long[] merchants) : IWriteSet
{
    private const string Prefix = "bs";
    private const int Copies = 3;
    private const long Amount = 150_000;

    public string Unit => "settlement";

    public async Task SetUpAsync(NpgsqlConnection c, int from, int to)
    {
        var args = new { from, last = to - 1, merchants, prefix = Prefix, amount = Amount };
        await c.ExecuteAsync("""
            INSERT INTO customers (merchant_id, msisdn, created_at, updated_at)
            SELECT (@merchants)[g % cardinality(@merchants) + 1], '2541' || (10000000 + g), now(), now() FROM generate_series(@from, @last) g
            """, args);
        await c.ExecuteAsync("""
            INSERT INTO invoices (id, merchant_id, customer_id, number, payment_ref, msisdn, description, amount_cents, status, pay_token,
                idempotency_key, language, created_at, updated_at, expires_at)
            SELECT k, cu.merchant_id, cu.id, 'S' || g, k, cu.msisdn, 'Bench writes', @amount, 'SENT', k, k, 'en', now(), now(), now() + interval '7 days'
            FROM generate_series(@from, @last) g
            CROSS JOIN LATERAL (SELECT @prefix || lpad(g::text, 9, '0') AS k) key
            JOIN customers cu ON cu.merchant_id = (@merchants)[g % cardinality(@merchants) + 1] AND cu.msisdn = '2541' || (10000000 + g)
            """, args);
        await c.ExecuteAsync("""
            INSERT INTO payments (invoice_id, method, status, amount_cents, msisdn, idempotency_key, checkout_request_id, push_started_at, created_at, updated_at)
            SELECT i.id, 'STK', 'INITIATED', i.amount_cents, i.msisdn, i.id, 'ws_CO_' || i.id, now(), now(), now()
            FROM invoices i WHERE i.id >= @prefix || lpad(@from::text, 9, '0') AND i.id <= @prefix || lpad(@last::text, 9, '0')
            """, args);
    }

    public async Task<bool> WriteAsync(WriteRunner run, int i)
    {
        var merchant = merchants[i % merchants.Length];
        var key = Key(Prefix, i);
        var customer = "2541" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;
        var lease = now.AddMinutes(2);

        long? inbox = null;
        for (var copy = 0; copy < Copies; copy++)
            if ((await run.RunAsync(Inbox("mpesa", "ws_CO_" + key, "stk_callback", "mpesa:" + key, now))) is [long id]) inbox = id;
        if (inbox is not { } stored) return false;
        var settlement = await run.RunAsync(
            new("""
                UPDATE payments SET status = 'SUCCESS', mpesa_receipt = @receipt, result_code = '0', settled_at = @now, updated_at = @now
                WHERE checkout_request_id = @checkout AND status = 'INITIATED' RETURNING id
                """, ("receipt", "R" + key), ("checkout", "ws_CO_" + key), ("now", now)),
            new("""
                UPDATE invoices SET amount_paid_cents = amount_paid_cents + @amount,
                    status = CASE WHEN amount_paid_cents + @amount >= amount_cents THEN 'PAID' ELSE 'PARTIALLY_PAID' END, updated_at = @now
                WHERE id = @id AND status IN ('SENT', 'PARTIALLY_PAID')
                """, ("id", key), ("amount", Amount), ("now", now)),
            Event("invoice.paid", key, null, merchant, "PAID", now),
            Outbox(key, merchant, customer, "receipt", "sms", key + "-c", now),
            Outbox(key, merchant, Seed.MerchantPhone(0), "receipt", "sms", key + "-m", now),
            InboxDone(stored, now));
        if (settlement.Count != 3) return false;

        foreach (var outbox in new[] { (long)settlement[1], (long)settlement[2] })
        {
            var started = await run.RunAsync(
                new("""
                    INSERT INTO sms_usage (merchant_id, day, sent) VALUES (@m, @day, 1)
                    ON CONFLICT (merchant_id, day) DO UPDATE SET sent = sms_usage.sent + 1 WHERE sms_usage.sent < 1000000
                    """, ("m", merchant), ("day", DateOnly.FromDateTime(now.UtcDateTime))),
                MarkStarted(outbox, "africastalking", lease, now));
            if (started.Count != 1) return false;
            var providerId = "ATXid_" + key + outbox.ToString(CultureInfo.InvariantCulture);
            if ((await run.RunAsync(Log(outbox, key, "sms", "africastalking", providerId, now), Sent(outbox, providerId, lease, now))).Count != 1)
                return false;
        }
        return true;
    }

    public async Task<(Dictionary<string, double> Checks, bool Whole)> CheckAsync(NpgsqlConnection c, int from, int to)
    {
        var (a, b) = (Key(Prefix, from), Key(Prefix, to));
        var settled = await CountAsync(c, "SELECT count(*) FROM payments WHERE status = 'SUCCESS' AND invoice_id >= @from AND invoice_id < @to", a, b);
        var paid = await CountAsync(c, "SELECT count(*) FROM invoices WHERE status = 'PAID' AND id >= @from AND id < @to", a, b);
        var sent = await CountAsync(c, "SELECT count(*) FROM outbox WHERE status = 'SENT' AND dedupe_key >= @from AND dedupe_key < @to", a, b);
        var inbox = await CountAsync(c, "SELECT count(*) FROM inbox WHERE provider_event_id >= 'ws_CO_' || @from AND provider_event_id < 'ws_CO_' || @to", a, b);
        var n = to - from;
        return (new() { ["settled"] = settled, ["paid_invoices"] = paid, ["receipts_sent"] = sent, ["inbox_rows"] = inbox },
            settled == n && paid == n && sent == 2L * n && inbox == n);
    }
}
