using System.Globalization;
using InvoiceFirst.Bench.Hosting;

namespace InvoiceFirst.Bench.Scenarios;

/// <summary>
/// The durable writes of one invoice end to end, driven straight at the migrated schema with no HTTP and no bot: the
/// webhook's inbox row; the turn's customer, counter, invoice and its event, the two outbox rows, the inbox mark and the
/// merchant's conversation; and for each of the two messages its start mark and its accepted outcome (log line, row;
/// for the customer's, the invoice made SENT and its event). Two ways, the same statements: one round trip each inside
/// BEGIN/COMMIT, as the bot sends them, and each transaction as one batch (one round trip). Read against the floor of the
/// same run, the batched figure bounds what any bot that keeps these writes can reach on this machine, before it
/// parses a webhook or calls a provider.
/// </summary>
public static class WriteSetScenario
{
    /// <param name="Without">Tables whose rows nothing else here reads, left out to measure what they cost (see <see cref="Optional"/>).</param>
    public sealed record Options(int Count = 6_000, int Concurrency = 64, int Merchants = 2_000, int Warmup = 2_000, bool WithFloor = true,
        IReadOnlyList<string>? Without = null);

    public static readonly string[] Optional = ["events", "message_log", "conversations"];

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(Options o, TextWriter log)
    {
        var without = o.Without ?? [];
        if (without.FirstOrDefault(t => !Optional.Contains(t)) is { } other)
            throw new ArgumentException($"writes --without takes {string.Join(", ", Optional)}; not '{other}'");
        var results = new List<BenchResult>();
        var floor = o.WithFloor ? await IngestScenario.FloorAsync(new(Concurrency: o.Concurrency), log) : null;
        if (floor is not null) results.Add(floor);

        var connectionString = await BenchDatabase.CreateMigratedAsync("bench_writes");
        await Seed.MerchantsAsync(connectionString, o.Merchants);
        long[] merchants;
        await using (var c = new NpgsqlConnection(connectionString))
            merchants = (await c.QueryAsync<long>("SELECT id FROM merchants ORDER BY id")).ToArray();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        var first = 0;
        foreach (var batched in new[] { false, true })
        {
            var invoice = new InvoiceWrites(dataSource, merchants, batched, without);
            var name = (batched ? "batched" : "statements") + string.Concat(without.Select(t => " -" + t));
            log.WriteLine($"writes ({name}): {o.Warmup} warm-up + {o.Count} invoices, {o.Concurrency} connections");
            await LoadGenerator.ClosedAsync(o.Warmup, o.Concurrency, i => invoice.WriteAsync(first + i));
            first += o.Warmup;

            var start = first;
            var database = await DatabaseCpu.SecondsAsync(connectionString);
            var bench = Process.GetCurrentProcess().TotalProcessorTime;
            var roundTrips = invoice.RoundTrips;
            var run = await LoadGenerator.ClosedAsync(o.Count, o.Concurrency, i => invoice.WriteAsync(start + i));
            var benchCpu = (Process.GetCurrentProcess().TotalProcessorTime - bench).TotalMilliseconds;
            var databaseCpu = await DatabaseCpu.SecondsAsync(connectionString) - database;
            first += o.Count;

            var result = new BenchResult("writes", $"{name} c={o.Concurrency}").WithLatencies(run);
            var sent = await CountAsync(connectionString,
                "SELECT count(*) FROM outbox WHERE status = 'SENT' AND dedupe_key >= @from AND dedupe_key < @to", start, first);
            var invoicesSent = await CountAsync(connectionString,
                "SELECT count(*) FROM invoices WHERE status = 'SENT' AND id >= @from AND id < @to", start, first);
            result.Checks["outbox_sent"] = sent;
            result.Checks["events"] = await CountAsync(connectionString, "SELECT count(*) FROM events WHERE invoice_id >= @from AND invoice_id < @to", start, first);
            result.Checks["invoices_sent"] = invoicesSent;
            result.Checks["round_trips_per_invoice"] = Math.Round((invoice.RoundTrips - roundTrips) / (double)o.Count, 1);
            if (databaseCpu is { } db) result.Checks["db_cpu_ms_per_invoice"] = Math.Round(db * 1000 / o.Count, 2);
            result.Checks["client_cpu_ms_per_invoice"] = Math.Round(benchCpu / o.Count, 2);
            if (floor is not null) result.Checks["writes_vs_floor"] = Math.Round(result.Throughput / floor.Throughput, 3);
            results.Add(result with { Passed = run.Errors == 0 && sent == 2L * o.Count && invoicesSent == o.Count });
        }
        return results;
    }

    private static async Task<long> CountAsync(string connectionString, string sql, int from, int to)
    {
        await using var c = new NpgsqlConnection(connectionString);
        return await c.ExecuteScalarAsync<long>(sql, new { from = InvoiceWrites.Key(from), to = InvoiceWrites.Key(to) });
    }

    /// <summary>One statement and its parameters; returns its single value, if it has a RETURNING.</summary>
    private sealed record Statement(string Sql, params (string Name, object Value)[] Parameters)
    {
        public string Table => Sql.Split(' ', 4)[Sql.StartsWith("INSERT", StringComparison.Ordinal) ? 2 : 1];
    }

    private sealed class InvoiceWrites(NpgsqlDataSource db, long[] merchants, bool batched, IReadOnlyList<string> without)
    {
        private long roundTrips;

        /// <summary>Round trips to the database so far. Npgsql sends BEGIN with a transaction's first statement.</summary>
        public long RoundTrips => Interlocked.Read(ref roundTrips);

        public static string Key(int i) => "bw" + i.ToString("D9", CultureInfo.InvariantCulture);

        public async Task<bool> WriteAsync(int i)
        {
            var merchant = merchants[i % merchants.Length];
            var key = Key(i);
            var customer = "2547" + (20_000_000 + i).ToString(CultureInfo.InvariantCulture);
            var now = DateTimeOffset.UtcNow;
            var lease = now.AddMinutes(2);

            var inbox = (long)(await RunAsync(false, Inbox(key, merchant, now)))[0];
            var turn = await RunAsync(true,
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
                Outbox(key, merchant, customer, "invoice", key + "-c", now),
                Outbox(key, merchant, Seed.MerchantPhone(0), "confirmation", key + "-m", now),
                new("UPDATE inbox SET status = 'DONE', processed_at = @now WHERE id = @id", ("id", inbox), ("now", now)),
                new("""
                    INSERT INTO conversations (participant, state, version, last_inbound_at, updated_at) VALUES (@p, 'Idle', 0, @now, @now)
                    ON CONFLICT (participant) DO UPDATE SET version = conversations.version + 1, last_inbound_at = excluded.last_inbound_at,
                        updated_at = excluded.updated_at
                    """, ("p", "wa:" + merchant.ToString(CultureInfo.InvariantCulture)), ("now", now)));
            var toCustomer = (long)turn[2];
            var toMerchant = (long)turn[3];

            foreach (var (outbox, isInvoice) in new[] { (toCustomer, true), (toMerchant, false) })
            {
                var mark = await RunAsync(false, new Statement("""
                    UPDATE outbox SET status = 'SENDING', locked_until = @lease, provider = 'whatsapp_cloud', send_started_at = @now, updated_at = @now
                    WHERE id = @id AND status = 'PENDING' RETURNING id
                    """, ("id", outbox), ("lease", lease), ("now", now)));
                if (mark.Count != 1) return false;
                List<Statement> outcome =
                [
                    new("""
                        INSERT INTO message_log (outbox_id, invoice_id, channel, direction, event, provider, provider_message_id, status, created_at)
                        VALUES (@o, @i, 'whatsapp', 'out', 'send', 'whatsapp_cloud', @pm, 'accepted', @now)
                        """, ("o", outbox), ("i", key), ("pm", "wamid." + key + outbox), ("now", now)),
                    new("""
                        UPDATE outbox SET status = 'SENT', provider_message_id = @pm, sent_at = @now, locked_until = NULL, last_error = NULL, updated_at = @now
                        WHERE id = @id AND status = 'SENDING' AND locked_until = @lease RETURNING id
                        """, ("id", outbox), ("pm", "wamid." + key + outbox), ("lease", lease), ("now", now)),
                ];
                if (isInvoice)
                {
                    outcome.Add(new("UPDATE invoices SET status = 'SENT', sent_at = COALESCE(sent_at, @now), updated_at = @now WHERE id = @id AND status IN ('PENDING', 'FAILED')",
                        ("id", key), ("now", now)));
                    outcome.Add(Event("invoice.sent", key, outbox, merchant, "SENT", now));
                }
                if ((await RunAsync(true, [.. outcome])).Count != 1) return false;
            }
            return true;
        }

        private static Statement Inbox(string key, long merchant, DateTimeOffset now) => new("""
            INSERT INTO inbox (provider, provider_event_id, kind, conversation_key, payload, status, attempts, next_attempt_at, received_at)
            VALUES ('whatsapp', @key, 'text', @conversation, '{}', 'PENDING', 0, @now, @now) RETURNING id
            """, ("key", "wamid." + key), ("conversation", "wa:" + merchant.ToString(CultureInfo.InvariantCulture)), ("now", now));

        private static Statement Outbox(string invoice, long merchant, string recipient, string purpose, string dedupe, DateTimeOffset now) => new("""
            INSERT INTO outbox (merchant_id, invoice_id, recipient, purpose, channel, payload, dedupe_key, status, attempts, next_attempt_at, virtual_at,
                created_at, updated_at)
            VALUES (@m, @i, @r, @purpose, 'whatsapp', '{}', @dedupe, 'PENDING', 0, @now, 0, @now, @now) RETURNING id
            """, ("m", merchant), ("i", invoice), ("r", recipient), ("purpose", purpose), ("dedupe", dedupe), ("now", now));

        private static Statement Event(string type, string invoice, long? outbox, long merchant, string status, DateTimeOffset now) => new("""
            INSERT INTO events (type, invoice_id, outbox_id, status, occurred_at, merchant_id) VALUES (@type, @i, @o, @status, @now, @m)
            """, ("type", type), ("i", invoice), ("o", (object?)outbox ?? DBNull.Value), ("status", status), ("now", now), ("m", merchant));

        /// <summary>Runs the statements as one transaction (or alone); returns the values of those with a RETURNING, in order.</summary>
        private async Task<List<object>> RunAsync(bool transaction, params Statement[] statements)
        {
            var values = new List<object>();
            statements = statements.Where(s => !without.Contains(s.Table)).ToArray();
            Interlocked.Add(ref roundTrips, batched ? 1 : statements.Length + (transaction ? 1 : 0));
            await using var c = await db.OpenConnectionAsync();
            if (batched)
            {
                // A batch runs as one implicit transaction and one round trip.
                await using var batch = new NpgsqlBatch(c);
                foreach (var s in statements)
                {
                    var command = new NpgsqlBatchCommand(s.Sql);
                    foreach (var (name, value) in s.Parameters) command.Parameters.AddWithValue(name, value);
                    batch.BatchCommands.Add(command);
                }
                await using var reader = await batch.ExecuteReaderAsync();
                do
                {
                    while (reader.FieldCount > 0 && await reader.ReadAsync()) values.Add(reader.GetValue(0));
                } while (await reader.NextResultAsync());
                return values;
            }
            await using var t = transaction ? await c.BeginTransactionAsync() : null;
            foreach (var s in statements)
            {
                await using var command = new NpgsqlCommand(s.Sql, c, t);
                foreach (var (name, value) in s.Parameters) command.Parameters.AddWithValue(name, value);
                await using var reader = await command.ExecuteReaderAsync();
                while (reader.FieldCount > 0 && await reader.ReadAsync()) values.Add(reader.GetValue(0));
            }
            if (t is not null) await t.CommitAsync();
            return values;
        }
    }
}
