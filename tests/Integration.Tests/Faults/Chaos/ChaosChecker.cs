using Dapper;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Faults.Chaos;

/// <summary>
/// Proves, against the database and the fakes' request logs, that every acknowledged webhook took
/// effect exactly once: one invoice per command, at most one STK push per payment, each callback
/// applied once, each settled payment with one receipt per side, and no message sent twice by a
/// provider that accepted it. Sends cut off by a crash are matched to the rows the dispatcher
/// flagged with an unknown outcome (<c>provider?</c>); those rows must never be sent again there.
/// </summary>
public sealed class ChaosChecker(ChaosWorld world, ChaosLedger ledger, RetryingSender sender)
{
    // Measured: with faster turns (one connection per transaction) up to 3 sends stand between their start mark and their
    // request at a kill: at 2, the three-instance run (seed 948331) failed 1 time in 4 (5 flagged, 0 cut off, 2 kills; 8a5dc16
    // passed it 5 of 5); at 3 it passed 3 of 3.
    private const int MarkedNotYetLeftPerKill = 3;

    private readonly List<string> violations = [];
    private readonly Dictionary<string, int> figures = [];

    public async Task<ChaosReport> CheckAsync()
    {
        await using var c = await world.Db.OpenAsync(default);
        var invoices = (await c.QueryAsync<ChaosRows.Invoice>(ChaosRows.InvoicesSql)).AsList();
        var payments = (await c.QueryAsync<ChaosRows.Payment>(ChaosRows.PaymentsSql)).AsList();
        var outbox = (await c.QueryAsync<ChaosRows.Outbox>(ChaosRows.OutboxSql)).AsList();
        var inbox = (await c.QueryAsync<ChaosRows.Inbox>(ChaosRows.InboxSql)).AsList();
        var statusLog = (await c.QueryAsync<ChaosRows.StatusLog>(ChaosRows.StatusLogSql)).AsList();

        figures["events"] = ledger.Events;
        figures["kills"] = world.Restarts;
        figures["duplicates_injected"] = sender.DuplicatesInjected;
        figures["deliveries"] = sender.Attempts;
        foreach (var gaveUp in sender.GaveUp) Fail($"never acknowledged: {gaveUp}");

        CheckInbox(inbox);
        CheckCommands(invoices);
        CheckTaps(payments, outbox);
        CheckPushes(payments);
        CheckCallbacks(payments);
        CheckSettlement(invoices, payments, outbox);
        CheckMessages(outbox, "whatsapp", world.Graph.Issued, r => r.Json["to"]?.GetValue<string>(), UploadsNeverSent());
        CheckMessages(outbox, "africastalking", world.AfricasTalking.Issued, r => r.Form.GetValueOrDefault("to")?.TrimStart('+'), 0);
        CheckOutboxFinished(outbox);
        CheckStatuses(statusLog);
        return new ChaosReport(violations, figures);
    }

    private void CheckInbox(List<ChaosRows.Inbox> inbox)
    {
        foreach (var row in inbox.Where(r => r.Status != "DONE")) Fail($"inbox event {row.EventId} left {row.Status}");
        figures["inbox_events"] = inbox.Count;
    }

    private void CheckCommands(List<ChaosRows.Invoice> invoices)
    {
        var byDescription = invoices.ToLookup(i => i.Description);
        foreach (var command in ledger.Commands)
        {
            var made = byDescription[command.Description].ToList();
            if (made.Count != 1) Fail($"command {command.EventId} made {made.Count} invoices");
            else if (made[0].Msisdn != command.Msisdn || made[0].AmountCents != command.Shillings * 100)
                Fail($"command {command.EventId} made an invoice for the wrong customer or amount");
        }
        var expected = ledger.Commands.Select(c => c.Description).ToHashSet();
        foreach (var stray in invoices.Where(i => !expected.Contains(i.Description))) Fail($"invoice {stray.Id} from no acknowledged command");
        figures["invoices"] = invoices.Count;
    }

    private void CheckTaps(List<ChaosRows.Payment> payments, List<ChaosRows.Outbox> outbox)
    {
        var replies = outbox.Where(o => o.DedupeKey is not null).ToLookup(o => o.DedupeKey!);
        var tapKeys = ledger.Taps.Select(t => "chat:whatsapp:" + t.EventId).ToHashSet();
        foreach (var tap in ledger.Taps)
        {
            // Every tap is answered (check your phone, prompt already open, already paid): that answer is its effect.
            var answers = replies[$"reply:whatsapp:{tap.EventId}:0"].Count();
            if (answers != 1) Fail($"tap {tap.EventId} answered {answers} times");
        }
        foreach (var stray in payments.Where(p => !tapKeys.Contains(p.IdempotencyKey))) Fail($"payment {stray.Id} from no acknowledged tap");
        figures["taps"] = ledger.Taps.Count;
        figures["payments"] = payments.Count;
    }

    private void CheckPushes(List<ChaosRows.Payment> payments)
    {
        var pushes = world.Daraja.AcceptedPushes.GroupBy(p => Token(p.CallbackUrl)).ToDictionary(g => g.Key, g => g.Count());
        var requests = world.Daraja.StkPushes.Count;
        foreach (var (token, count) in pushes.Where(p => p.Value > 1)) Fail($"payment with token …{token[^4..]} pushed {count} times");
        var tokens = payments.Select(p => p.CallbackToken).ToHashSet();
        foreach (var token in pushes.Keys.Where(t => !tokens.Contains(t))) Fail("an STK push for no payment");
        if (requests != pushes.Values.Sum()) Fail($"{requests} STK push requests but {pushes.Values.Sum()} accepted");
        figures["stk_pushes"] = requests;
        // Claimed, then killed before the request left: never pushed (at most once), left to the query worker.
        figures["pushes_cut_off"] = payments.Count(p => p.Pushed && p.Status == "INITIATED" && !pushes.ContainsKey(p.CallbackToken ?? ""));
    }

    private void CheckCallbacks(List<ChaosRows.Payment> payments)
    {
        var byToken = payments.Where(p => p.CallbackToken is not null).ToDictionary(p => p.CallbackToken!);
        foreach (var callback in ledger.Callbacks)
        {
            if (!byToken.TryGetValue(callback.Token, out var payment)) { Fail("a callback for no payment"); continue; }
            if (callback.Success && (payment.Status != "SUCCESS" || payment.MpesaReceipt != callback.Receipt))
                Fail($"payment {payment.Id}: success callback not applied ({payment.Status})");
            if (!callback.Success && payment.Status is not ("FAILED" or "CANCELLED"))
                Fail($"payment {payment.Id}: failure callback not applied ({payment.Status})");
        }
        var succeeded = ledger.Callbacks.Where(c => c.Success).Select(c => c.Token).ToHashSet();
        foreach (var p in payments.Where(p => p.Status == "SUCCESS" && !succeeded.Contains(p.CallbackToken ?? "")))
            Fail($"payment {p.Id} settled without a success callback");
        figures["callbacks"] = ledger.Callbacks.Count;
        figures["settled"] = payments.Count(p => p.Status == "SUCCESS");
    }

    private void CheckSettlement(List<ChaosRows.Invoice> invoices, List<ChaosRows.Payment> payments, List<ChaosRows.Outbox> outbox)
    {
        var paid = payments.Where(p => p.Status == "SUCCESS").ToLookup(p => p.InvoiceId);
        foreach (var invoice in invoices)
        {
            var sum = paid[invoice.Id].Sum(p => p.AmountCents);
            if (sum != invoice.AmountPaidCents) Fail($"invoice {invoice.Id}: paid {invoice.AmountPaidCents} but payments sum to {sum}");
            if (sum >= invoice.AmountCents && invoice.Status != "PAID") Fail($"invoice {invoice.Id} fully paid but {invoice.Status}");
        }
        var byKey = outbox.Where(o => o.DedupeKey is not null).ToLookup(o => o.DedupeKey!);
        var unknown = 0;
        foreach (var payment in payments.Where(p => p.Status == "SUCCESS"))
        {
            foreach (var side in new[] { "customer", "merchant" })
            {
                var rows = byKey[$"receipt:{side}:{payment.Id}"].ToList();
                if (rows.Count != 1) Fail($"payment {payment.Id}: {rows.Count} {side} receipts");
                else if (rows[0].LastError == "outcome_unknown") unknown++;
                else if (rows[0].ProviderMessageId is null) Fail($"payment {payment.Id}: {side} receipt not sent ({rows[0].Status} {rows[0].LastError})");
            }
        }
        // Cut off mid-send by a kill: perhaps delivered, never sent again (CheckMessages proves that).
        figures["receipts_outcome_unknown"] = unknown;
    }

    /// <summary>
    /// A document goes as two requests, its upload and then the message: an upload whose media id no message carried was a
    /// send cut off by a kill between the two, a request that really left though the fake issued no message id for it.
    /// </summary>
    private int UploadsNeverSent()
    {
        var used = world.Graph.Requests.All.Where(r => !FakeWhatsAppGraph.IsMediaUpload(r))
            .Select(r => r.Json["document"]?["id"]?.GetValue<string>()).ToHashSet();
        var unused = world.Graph.IssuedMedia.Count(m => !used.Contains(m.Id));
        figures["whatsapp_uploads_never_sent"] = unused;
        return unused;
    }

    /// <summary>
    /// Each id the fake handed out belongs to one row; ids no row recorded were cut off by a kill
    /// and must each match a distinct row of that recipient flagged unknown on this provider.
    /// </summary>
    /// <param name="leftWithoutId">Requests that left for a send cut off before the provider issued its message id.</param>
    private void CheckMessages(List<ChaosRows.Outbox> outbox, string provider, IReadOnlyList<IssuedId> issued, Func<RecordedRequest, string?> to,
        int leftWithoutId)
    {
        var ids = issued.ToDictionary(i => i.Id);
        var mine = outbox.Where(o => o.Provider == provider && o.ProviderMessageId is not null).ToList();
        foreach (var group in mine.GroupBy(o => o.ProviderMessageId).Where(g => g.Count() > 1)) Fail($"{provider}: one message id on {group.Count()} rows");
        foreach (var row in mine.Where(o => !ids.ContainsKey(o.ProviderMessageId!))) Fail($"outbox {row.Id}: {provider} id the fake never issued");
        foreach (var row in mine.Where(o => o.TriedProviders.Split(',').Contains(provider + "?")))
            Fail($"outbox {row.Id} sent again on {provider} after an unknown outcome there");

        var recorded = mine.Select(o => o.ProviderMessageId).ToHashSet();
        var orphans = issued.Where(i => !recorded.Contains(i.Id)).GroupBy(i => to(i.Request) ?? "").ToDictionary(g => g.Key, g => g.Count());
        var flagged = outbox.Where(o => o.TriedProviders.Split(',').Contains(provider + "?")).GroupBy(o => o.Recipient).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (recipient, count) in orphans)
        {
            var explained = flagged.GetValueOrDefault(recipient);
            if (count > explained) Fail($"{provider}: {count - explained} message(s) to …{recipient[^4..]} accepted twice");
        }
        // A row is flagged only for a request that really left: cut off by a kill after the provider took it (an orphan
        // id, or a document's upload with no message after it), or in the instant between its start mark and the request
        // reaching the provider (a millisecond or so, so a few per kill at most). Rows still waiting for a rate slot at a
        // kill are never flagged.
        var inFlight = orphans.Values.Sum() + leftWithoutId + world.Restarts * MarkedNotYetLeftPerKill;
        if (flagged.Values.Sum() > inFlight)
            Fail($"{provider}: {flagged.Values.Sum()} rows flagged unknown, more than the {inFlight} requests that can have been in flight at the kills");
        figures[$"{provider}_accepted"] = issued.Count;
        figures[$"{provider}_cut_off"] = orphans.Values.Sum();
        figures[$"{provider}_flagged_unknown"] = flagged.Values.Sum();
    }

    /// <summary>Every row finished: sent, or given up with an unknown outcome (counted, never resent); nothing undeliverable.</summary>
    private void CheckOutboxFinished(List<ChaosRows.Outbox> outbox)
    {
        foreach (var row in outbox.Where(o => o.Status is "PENDING" or "SENDING")) Fail($"outbox {row.Id} still {row.Status}");
        foreach (var row in outbox.Where(o => o.Status is "DEAD" or "FAILED" && o.LastError != "outcome_unknown"))
            Fail($"outbox {row.Id} ({row.Purpose}) {row.Status}: {row.LastError}");
        figures["outbox_rows"] = outbox.Count;
        figures["dead_outcome_unknown"] = outbox.Count(o => o.Status == "DEAD" && o.LastError == "outcome_unknown");
        // Cut off on WhatsApp, then sent by SMS after the wait for a report: the design's fallback, counted not failed.
        figures["sms_after_unknown"] = outbox.Count(o => o.Provider == "africastalking" && o.TriedProviders.Contains("whatsapp?"));
    }

    private void CheckStatuses(List<ChaosRows.StatusLog> log)
    {
        var applied = log.GroupBy(l => (l.ProviderMessageId ?? "", l.Status ?? "")).ToDictionary(g => g.Key, g => g.Count());
        foreach (var ((wamid, status), count) in applied.Where(a => a.Value > 1)) Fail($"status {status} of {wamid} applied {count} times");
        foreach (var (wamid, status) in ledger.Statuses.Keys.Where(k => !applied.ContainsKey(k))) Fail($"status {status} of {wamid} never applied");
        figures["statuses"] = ledger.Statuses.Count;
    }

    private static string Token(string callbackUrl) => callbackUrl.Split('/')[^1];

    private void Fail(string violation) => violations.Add(violation);
}
