namespace InvoiceFirst.Bench.Hosting;

/// <summary>Bulk SQL set-up (not through the API): merchants, existing invoices, an outbox backlog.</summary>
public static class Seed
{
    /// <summary>Merchant phone number i (0-based): 25479xxxxxxx, never a customer number of the scenarios.</summary>
    public static string MerchantPhone(int i) => "25479" + (1_000_000 + i).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Customer <paramref name="customer"/> of merchant <paramref name="merchant"/> (both 0-based): 25472xxxxxxx.</summary>
    public static string CustomerPhone(int merchant, int customer, int perMerchant) =>
        "2547" + (20_000_000 + merchant * perMerchant + customer).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Each merchant's address book: <paramref name="perMerchant"/> customers numbered as <see cref="CustomerPhone"/>.</summary>
    public static async Task CustomersAsync(string connectionString, int perMerchant)
    {
        const string sql = """
            INSERT INTO customers (merchant_id, msisdn, name, created_at, updated_at)
            SELECT m.id, '2547' || (20000000 + (substr(m.phone, 6)::int - 1000000) * @perMerchant + c), 'Customer ' || c, now(), now()
            FROM merchants m CROSS JOIN generate_series(0, @last) c
            WHERE m.phone LIKE '25479%'
            ON CONFLICT (merchant_id, msisdn) DO NOTHING
            """;
        await using var c = new NpgsqlConnection(connectionString);
        await c.ExecuteAsync(sql, new { perMerchant, last = perMerchant - 1 }, commandTimeout: 300);
    }

    public static async Task MerchantsAsync(string connectionString, int count)
    {
        const string sql = """
            INSERT INTO merchants (phone, name, created_at, updated_at)
            SELECT '25479' || (1000000 + g), 'Bench merchant ' || g, now(), now() FROM generate_series(0, @last) g
            ON CONFLICT (phone) DO NOTHING
            """;
        await using var c = new NpgsqlConnection(connectionString);
        await c.ExecuteAsync(sql, new { last = count - 1 }, commandTimeout: 300);
    }

    /// <summary>
    /// Tops the invoices table up to <paramref name="total"/> rows spread over the merchants (one
    /// customer each), with the status mix of a live system: mostly paid, some open or expired.
    /// </summary>
    public static async Task InvoicesAsync(string connectionString, long total)
    {
        const string customers = """
            INSERT INTO customers (merchant_id, msisdn, created_at, updated_at)
            SELECT id, '2541' || lpad(id::text, 8, '0'), now(), now() FROM merchants
            ON CONFLICT (merchant_id, msisdn) DO NOTHING
            """;
        const string invoices = """
            INSERT INTO invoices (id, merchant_id, customer_id, number, msisdn, description, amount_cents, amount_paid_cents,
                status, pay_token, created_at, updated_at, expires_at)
            WITH c AS (SELECT id, merchant_id, msisdn, row_number() OVER (ORDER BY id) - 1 AS k FROM customers WHERE msisdn LIKE '2541%'),
                 n AS (SELECT count(*) AS n FROM c)
            SELECT 'seed_' || g, c.merchant_id, c.id, 'S' || g, c.msisdn, 'Seeded', 150000,
                CASE WHEN g % 10 < 7 THEN 150000 ELSE 0 END,
                CASE WHEN g % 10 < 7 THEN 'PAID' WHEN g % 10 < 9 THEN 'SENT' ELSE 'EXPIRED' END,
                md5('seed' || g), now() - (g % 90) * interval '1 day', now(), now() - (g % 90) * interval '1 day' + interval '7 days'
            FROM generate_series(@first, @last) g CROSS JOIN n JOIN c ON c.k = g % n.n
            """;
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await c.ExecuteAsync(customers, commandTimeout: 300);
        var existing = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM invoices WHERE id LIKE 'seed\\_%'");
        if (existing < total)
        {
            // The rows are valid by construction: skipping the foreign-key triggers halves the time (superuser only).
            try { await c.ExecuteAsync("SET session_replication_role = replica"); }
            catch (PostgresException) { }
            // Filling eight indexes row by row (four of them on random keys) is most of the cost:
            // drop every index but the primary key, insert, and build them again in one sort each.
            var indexes = (await c.QueryAsync<SecondaryIndex>(SecondaryIndex.Sql)).ToList();
            foreach (var index in indexes) await c.ExecuteAsync(index.DropSql);
            await c.ExecuteAsync(invoices, new { first = existing + 1, last = total }, commandTimeout: 600);
            await c.ExecuteAsync("SET maintenance_work_mem = '256MB'");
            foreach (var index in indexes) await c.ExecuteAsync(index.CreateSql, commandTimeout: 600);
        }
        // VACUUM too: otherwise autovacuum takes on the million new rows during the measured round.
        await c.ExecuteAsync("VACUUM ANALYZE merchants, customers, invoices", commandTimeout: 600);
    }

    /// <summary>An index of <c>invoices</c> other than its primary key, as the statements that drop and recreate it.</summary>
    private sealed record SecondaryIndex(string DropSql, string CreateSql)
    {
        public const string Sql = """
            SELECT 'ALTER TABLE invoices DROP CONSTRAINT ' || quote_ident(conname) AS dropsql,
                   'ALTER TABLE invoices ADD CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid) AS createsql
            FROM pg_constraint WHERE conrelid = 'invoices'::regclass AND contype = 'u'
            UNION ALL
            SELECT 'DROP INDEX ' || quote_ident(i.relname), pg_get_indexdef(i.oid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid = 'invoices'::regclass
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
            """;
    }
}
