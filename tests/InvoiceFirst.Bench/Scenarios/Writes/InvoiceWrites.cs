using System.Globalization;
using InvoiceFirst.Bench.Hosting;
using static InvoiceFirst.Bench.Scenarios.Writes.WriteSql;

namespace InvoiceFirst.Bench.Scenarios.Writes;

/// <summary>
/// An invoice from a merchant's one-line command: the webhook's inbox row; the turn's customer, counter, invoice and its
/// event, the two outbox rows (the customer's invoice, the merchant's confirmation), the inbox mark and the merchant's
/// conversation; then for each message its start mark, and its accepted outcome (log line, row; for the customer's, the
/// invoice made SENT and its event).
/// </summary>
public sealed class InvoiceWrites(long[] merchants) : IWriteSet
{
    private const string Prefix = "bw";

    public string Unit => "invoice";

    public Task SetUpAsync(NpgsqlConnection c, int from, int to) => Task.CompletedTask;

    public async Task<bool> WriteAsync(WriteRunner run, int i)
    {
        var merchant = merchants[i % merchants.Length];
        var key = Key(Prefix, i);
        var customer = "2547" + (20_000_000 + i).ToString(CultureInfo.InvariantCulture);
        var conversation = "wa:" + merchant.ToString(CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;
        var lease = now.AddMinutes(2);

        var inbox = (long)(await run.RunAsync(Inbox("whatsapp", "wamid." + key, "text", conversation, now)))[0];
        var turn = await run.RunAsync(
            new("""
                INSERT INTO customers (merchant_id, msisdn, name, created_at, updated_at) VALUES (@m, @msisdn, NULL, @now, @now)
                ON CONFLICT (merchant_id, msisdn) DO UPDATE SET name = COALESCE(customers.name, excluded.name), updated_at = excluded.updated_at
                RETURNING id
                """, ("m", merchant), ("msisdn", customer), ("now", now)),
            new("""
                INSERT INTO invoice_counters (merchant_id, seq, day, day_count) VALUES (@m, 1, @day, 1)
                ON CONFLICT (merchant_id) DO UPDATE SET seq = invoice_counters.seq + 1,
                    day_count = CASE WHEN invoice_counters.day = excluded.day THEN invoice_counters.day_count + 1 ELSE 1 END, day = excluded.day
                RETURNING seq
                """, ("m", merchant), ("day", DateOnly.FromDateTime(now.UtcDateTime))),
            new("""
                INSERT INTO invoices (id, merchant_id, customer_id, number, payment_ref, msisdn, description, amount_cents, status, pay_token,
                    idempotency_key, language, created_at, updated_at, expires_at)
                VALUES (@id, @m, (SELECT id FROM customers WHERE merchant_id = @m AND msisdn = @msisdn),
                    'INV-' || lpad((SELECT seq FROM invoice_counters WHERE merchant_id = @m)::text, 4, '0'), @id, @msisdn, 'Bench writes', 150000,
                    'PENDING', @id, @id, 'en', @now, @now, @expires)
                """, ("id", key), ("m", merchant), ("msisdn", customer), ("now", now), ("expires", now.AddDays(7))),
            Event("invoice.created", key, null, merchant, "PENDING", now),
            Outbox(key, merchant, customer, "invoice", "whatsapp", key + "-c", now),
            Outbox(key, merchant, Seed.MerchantPhone(0), "confirmation", "whatsapp", key + "-m", now),
            InboxDone(inbox, now),
            new("""
                INSERT INTO conversations (participant, state, version, last_inbound_at, updated_at) VALUES (@p, 'Idle', 0, @now, @now)
                ON CONFLICT (participant) DO UPDATE SET version = conversations.version + 1, last_inbound_at = excluded.last_inbound_at,
                    updated_at = excluded.updated_at
                """, ("p", conversation), ("now", now)));

        foreach (var (outbox, isInvoice) in new[] { ((long)turn[2], true), ((long)turn[3], false) })
        {
            if ((await run.RunAsync(MarkStarted(outbox, "whatsapp_cloud", lease, now))).Count != 1) return false;
            var providerId = "wamid." + key + outbox.ToString(CultureInfo.InvariantCulture);
            List<Statement> outcome = [Log(outbox, key, "whatsapp", "whatsapp_cloud", providerId, now), Sent(outbox, providerId, lease, now)];
            if (isInvoice)
            {
                outcome.Add(new("UPDATE invoices SET status = 'SENT', sent_at = COALESCE(sent_at, @now), updated_at = @now WHERE id = @id AND status IN ('PENDING', 'FAILED')",
                    ("id", key), ("now", now)));
                outcome.Add(Event("invoice.sent", key, outbox, merchant, "SENT", now));
            }
            if ((await run.RunAsync([.. outcome])).Count != 1) return false;
        }
        return true;
    }

    public async Task<(Dictionary<string, double> Checks, bool Whole)> CheckAsync(NpgsqlConnection c, int from, int to)
    {
        var (a, b) = (Key(Prefix, from), Key(Prefix, to));
        var sent = await CountAsync(c, "SELECT count(*) FROM outbox WHERE status = 'SENT' AND dedupe_key >= @from AND dedupe_key < @to", a, b);
        var invoices = await CountAsync(c, "SELECT count(*) FROM invoices WHERE status = 'SENT' AND id >= @from AND id < @to", a, b);
        var events = await CountAsync(c, "SELECT count(*) FROM events WHERE invoice_id >= @from AND invoice_id < @to", a, b);
        return (new() { ["outbox_sent"] = sent, ["invoices_sent"] = invoices, ["events"] = events }, sent == 2L * (to - from) && invoices == to - from);
    }
}
