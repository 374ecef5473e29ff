using InvoiceFirst.Data.Payments;
using Dapper;
using InvoiceFirst.Integration.Tests.Fixtures.Daraja;
using InvoiceFirst.Testing.Fakes;
using InvoiceFirst.Testing.Fixtures;

namespace InvoiceFirst.Integration.Tests.Faults.Chaos;

/// <summary>
/// The scripted mix, drawn from a seeded RNG: merchant invoice commands, customers tapping Pay on
/// invoices that exist, STK callbacks (success or failure) for the pushes the fake Daraja accepted,
/// and WhatsApp statuses for the wamids the fake Graph handed out. Some webhooks are deliberately
/// delivered twice; every acknowledged one goes into the ledger.
/// </summary>
public sealed class ChaosDriver(ChaosWorld world, RetryingSender sender, ChaosLedger ledger, ChaosSize size)
{
    private const double DuplicateRate = 0.1;
    private const int MaxTapsPerInvoice = 3;
    private static readonly string[] StatusNames = ["sent", "delivered", "read"];

    private readonly Random rng = new(size.Seed);
    private readonly string[] customers = [.. Enumerable.Range(0, 8).Select(i => $"2547110000{i:D2}")];
    private readonly Dictionary<string, int> tapsPerInvoice = [];
    private readonly Queue<AcceptedPush> pendingPushes = new();
    private List<ChaosRows.Invoice> invoices = [];
    private int pushCursor;
    private int commands;
    private int taps;
    private int receipts;
    private int noise;

    /// <summary>
    /// Emits <see cref="ChaosSize.Events"/> webhooks. At each kill point, once the last restart is up
    /// and has acknowledged everything sent so far, <paramref name="killAndRestart"/> runs after a
    /// random delay while traffic keeps flowing, so the kill lands amid requests, inbox and outbox work.
    /// </summary>
    public async Task RunAsync(Func<Random, Task> killAndRestart)
    {
        var killAt = KillPoints();
        var killing = Task.CompletedTask;
        for (var i = 0; i < size.Events; i++)
        {
            if (killAt.Contains(i))
            {
                await killing;
                await sender.IdleAsync();
                killing = KillSoonAsync(TimeSpan.FromMilliseconds(rng.Next(0, 300)), new Random(rng.Next()), killAndRestart);
            }
            if (i % 10 == 0) await RefreshInvoicesAsync();
            CollectPushes();
            EmitOne();
            await Task.Delay(rng.Next(0, 12));
        }
        await killing;
    }

    /// <summary>
    /// Answers the remaining pushes and waits until every webhook is acknowledged and the inbox,
    /// outbox and STK work are idle (twice in a row, so a push still on the wire is not missed).
    /// </summary>
    public async Task DrainAsync()
    {
        var deadline = DateTime.UtcNow + size.DrainDeadline;
        var quietInARow = 0;
        while (quietInARow < 2)
        {
            CollectPushes();
            while (pendingPushes.Count > 0) Callback(pendingPushes.Dequeue());
            await sender.IdleAsync();
            var busy = await BusyAsync();
            quietInARow = busy == 0 && world.Daraja.AcceptedPushes.Count == pushCursor ? quietInARow + 1 : 0;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the run did not drain: {busy} rows still busy");
            await Task.Delay(500);
        }
    }

    private static async Task KillSoonAsync(TimeSpan delay, Random random, Func<Random, Task> killAndRestart)
    {
        await Task.Delay(delay);
        await killAndRestart(random);
    }

    private HashSet<int> KillPoints()
    {
        var points = new HashSet<int>();
        for (var k = 1; k <= size.Kills; k++)
            points.Add(Math.Clamp(k * size.Events / (size.Kills + 1) + rng.Next(-2, 3), 1, Math.Max(1, size.Events - 1)));
        return points;
    }

    private void EmitOne()
    {
        Interlocked.Increment(ref ledger.Events);
        if (pendingPushes.Count > 0 && rng.NextDouble() < 0.5)
        {
            Callback(pendingPushes.Dequeue());
            return;
        }
        var roll = rng.NextDouble();
        if (roll < 0.2 && world.Graph.Issued is { Count: > 0 } issued)
            Status(issued[rng.Next(issued.Count)]);
        else if (roll < 0.27)
            Noise();
        else if (roll < 0.55 && TapTarget() is { } invoice)
            Tap(invoice);
        else
            Command();
    }

    private void Command()
    {
        var n = ++commands;
        var customer = customers[rng.Next(customers.Length)];
        var shillings = rng.Next(10, 5000);
        var description = $"Chaos job s{size.Seed}n{n}";
        var eventId = $"wamid.chaos{size.Seed}c{n}";
        var json = WebhookBuilders.Envelope([WebhookBuilders.TextMessage(ChaosWorld.MerchantPhone,
            $"invoice 0{customer[3..]} {shillings} {description}", eventId, Now())]);
        sender.Send(WebhookDelivery.WhatsApp("command", json), Duplicate(),
            () => ledger.Commands.Add(new ChaosLedger.Command(eventId, description, customer, shillings)));
    }

    // Real-world events that must have no effect at all: a reaction, a deleted message, an identity change, a chat opening.
    private static readonly WhatsAppFixture[] NoEffect =
        [WhatsAppFixtures.Reaction, WhatsAppFixtures.Revoke, WhatsAppFixtures.SystemIdentityChanged, WhatsAppFixtures.RequestWelcome];

    private void Noise()
    {
        var fixture = NoEffect[rng.Next(NoEffect.Length)];
        var json = fixture.Render(new Dictionary<string, string>
        {
            ["from"] = customers[rng.Next(customers.Length)],
            ["phone_number_id"] = WebhookBuilders.PhoneNumberId,
            ["original_id"] = $"wamid.chaos{size.Seed}c{Math.Max(1, commands)}",
        }).Replace("\"id\": \"wamid.", $"\"id\": \"wamid.chaos{size.Seed}x{++noise}.");
        sender.Send(WebhookDelivery.WhatsApp("noise", json), Duplicate(), () => { });
    }

    private static readonly StkCallbackFixtures.Fixture[] StkPaid =
        [.. StkCallbackFixtures.All.Where(f => f.Status == PaymentStatus.Success && f.QueryAnswer is null)];

    private static readonly StkCallbackFixtures.Fixture[] StkFailed =
        [.. StkCallbackFixtures.All.Where(f => f.Status != PaymentStatus.Success && f.QueryAnswer is null)];

    private StkCallbackFixtures.Fixture Pick(StkCallbackFixtures.Fixture[] fixtures) => fixtures[rng.Next(fixtures.Length)];

    private void Tap(ChaosRows.Invoice invoice)
    {
        tapsPerInvoice[invoice.Id] = tapsPerInvoice.GetValueOrDefault(invoice.Id) + 1;
        var eventId = $"wamid.chaos{size.Seed}t{++taps}";
        var json = WebhookBuilders.Envelope([WebhookBuilders.ButtonReply(invoice.Msisdn, "pay:" + invoice.Id, "Pay with M-PESA", eventId, Now())]);
        sender.Send(WebhookDelivery.WhatsApp("tap", json), Duplicate(), () => ledger.Taps.Add(new ChaosLedger.Tap(eventId, invoice.Id)));
    }

    private void Callback(AcceptedPush push)
    {
        var token = push.CallbackUrl.Split('/')[^1];
        var success = rng.NextDouble() < 0.7;
        string body;
        string? receipt = null;
        if (success)
        {
            receipt = $"CH{size.Seed % 10_000:D4}{++receipts:D6}";
            // In Live mode the bot confirms a success with STK Query before it settles.
            world.Daraja.SetQueryResult(push.CheckoutRequestId, "0", "The service request is processed successfully.");
            // Half the time a real-world shape from the fixture suite, so variants run under the crash checks too.
            body = rng.Next(2) == 0
                ? FakeDarajaCallbacks.Success(push.CheckoutRequestId, push.Amount, receipt, phoneNumber: push.PhoneNumber)
                : StkCallbackFixtures.Fill(Pick(StkPaid).Body, push.CheckoutRequestId, (long)push.Amount, receipt);
        }
        else
        {
            body = StkCallbackFixtures.Fill(Pick(StkFailed).Body, push.CheckoutRequestId, (long)push.Amount, "");
        }
        sender.Send(WebhookDelivery.StkCallback(push.CallbackUrl, body), Duplicate(),
            () => ledger.Callbacks.Add(new ChaosLedger.Callback(token, push.CheckoutRequestId, success, receipt)));
    }

    private void Status(IssuedId sent)
    {
        var status = StatusNames[rng.Next(StatusNames.Length)];
        var to = sent.Request.Json["to"]?.GetValue<string>() ?? "";
        var json = WebhookBuilders.Envelope(statuses: [WebhookBuilders.Status(sent.Id, status, to)]);
        sender.Send(WebhookDelivery.WhatsApp("status", json), Duplicate(), () => ledger.Statuses[(sent.Id, status)] = true);
    }

    private ChaosRows.Invoice? TapTarget()
    {
        var open = invoices.Where(i => i.Status is "PENDING" or "SENT" or "PARTIALLY_PAID"
            && tapsPerInvoice.GetValueOrDefault(i.Id) < MaxTapsPerInvoice).ToList();
        return open.Count == 0 ? null : open[rng.Next(open.Count)];
    }

    private void CollectPushes()
    {
        var pushes = world.Daraja.AcceptedPushes;
        for (; pushCursor < pushes.Count; pushCursor++) pendingPushes.Enqueue(pushes[pushCursor]);
    }

    private async Task RefreshInvoicesAsync()
    {
        await using var c = await world.Db.OpenAsync(default);
        invoices = (await c.QueryAsync<ChaosRows.Invoice>(ChaosRows.InvoicesSql)).AsList();
    }

    private async Task<long> BusyAsync()
    {
        const string sql = """
            SELECT (SELECT count(*) FROM inbox WHERE status = 'PENDING')
                 + (SELECT count(*) FROM outbox WHERE status IN ('PENDING', 'SENDING'))
                 + (SELECT count(*) FROM payments WHERE status = 'INITIATED' AND push_started_at IS NULL)
            """;
        await using var c = await world.Db.OpenAsync(default);
        return await c.ExecuteScalarAsync<long>(sql);
    }

    private bool Duplicate() => rng.NextDouble() < DuplicateRate;

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
