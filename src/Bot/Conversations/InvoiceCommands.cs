using InvoiceFirst.Data.Domain;
using System.Data.Common;
using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Reminders;
using InvoiceFirst.Data.Staff;
using InvoiceFirst.Data.Stats;
using InvoiceFirst.Data.Time;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>What a merchant (owner or staff) can do to existing invoices from chat: remind, cancel, status, list, reminders, stats.</summary>
public sealed class InvoiceCommands(InvoiceMessages messages, TimeProvider clock)
{
    /// <summary>A reminder now; <paramref name="requestKey"/> (the message or form that asked) makes asking twice one reminder.</summary>
    public async Task<Reply> RemindAsync(DbConnection c, DbTransaction t, Merchant merchant, string requestKey, string number,
        Language lang, CancellationToken ct)
    {
        var invoice = await InvoiceRepository.GetByNumberAsync(c, t, merchant.Id, number, ct);
        if (Refusal(invoice, number, lang) is { } refusal) return refusal;
        var now = clock.GetUtcNow();
        await OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due(invoice!.Msisdn, OutboxPurpose.Reminder, await messages.ReminderAsync(c, t, merchant, invoice, ct),
            $"remind:{invoice.Id}:{requestKey}", now, merchant.Id, invoice.Id), ct);
        return Replies.ReminderSent(invoice.Number, CustomerLabel(invoice), lang);
    }

    /// <summary>The owner cancels any invoice; a staff member only the ones they sent.</summary>
    public async Task<Reply> CancelAsync(DbConnection c, DbTransaction t, ChatActor actor, string number, Language lang, CancellationToken ct)
    {
        var merchant = actor.Merchant;
        var invoice = await InvoiceRepository.GetByNumberAsync(c, t, merchant.Id, number, ct);
        if (Refusal(invoice, number, lang) is { } refusal) return refusal;
        if (!actor.MayChange(invoice!.CreatedBy)) return Replies.OnlyOwnerChanges(invoice.Number, lang);
        var now = clock.GetUtcNow();
        if (!await InvoiceRepository.CancelAsync(c, t, invoice!.Id, now, ct))
            return Replies.AlreadyPaid(invoice.Number, lang); // part-paid: money has moved, so it stays open
        await OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due(invoice.Msisdn, OutboxPurpose.Notice, messages.CancelNotice(merchant, invoice),
            $"cancelled:{invoice.Id}", now, merchant.Id, invoice.Id), ct);
        return Replies.InvoiceCancelled(invoice.Number, lang);
    }

    public static async Task<Reply> StatusAsync(DbConnection c, DbTransaction t, Merchant merchant, string number, Language lang, CancellationToken ct)
    {
        var invoice = await InvoiceRepository.GetByNumberAsync(c, t, merchant.Id, number, ct);
        return invoice is null
            ? Replies.UnknownInvoice(number, lang)
            : Replies.Status(invoice.Number, invoice.Status, invoice.Amount, invoice.AmountPaid, lang);
    }

    /// <summary>One page of unpaid invoices, newest first, with how many there are in all.</summary>
    public static async Task<Reply> ListAsync(DbConnection c, DbTransaction t, Merchant merchant, int page, Language lang, CancellationToken ct)
    {
        var paging = new Paging(page, await InvoiceRepository.CountUnpaidAsync(c, t, merchant.Id, ct));
        var unpaid = await InvoiceRepository.ListUnpaidAsync(c, t, merchant.Id, Paging.PageSize, ct, paging.Offset);
        var staff = unpaid.Any(i => i.CreatedBy is not null)
            ? (await StaffRepository.ListAsync(c, t, merchant.Id, ct)).ToDictionary(s => s.Phone, s => s.Name)
            : [];
        // Someone removed from the staff since is still named, by their number.
        return Replies.UnpaidPage(unpaid.Select(i => new InvoiceSummary(i.Number, CustomerLabel(i), i.Balance,
            i.CreatedBy is { } by ? staff.GetValueOrDefault(by) ?? MobileNumber.ToLocal(by) : null)).ToList(), paging, lang);
    }

    /// <summary>The owner stops any invoice's reminders; a staff member only those of the invoices they sent.</summary>
    public static async Task<Reply> StopRemindersAsync(DbConnection c, DbTransaction t, ChatActor actor, string number, Language lang,
        DateTimeOffset now, CancellationToken ct)
    {
        if (!actor.IsOwner && await InvoiceRepository.GetByNumberAsync(c, t, actor.Merchant.Id, number, ct) is { } invoice
            && !actor.MayChange(invoice.CreatedBy))
            return Replies.OnlyOwnerChanges(invoice.Number, lang);
        return await ReminderRepository.SetInvoiceRemindersAsync(c, t, actor.Merchant.Id, number, false, now, ct)
            ? Replies.RemindersStopped(number, lang)
            : Replies.UnknownInvoice(number, lang);
    }

    public static async Task<Reply> SwitchRemindersAsync(DbConnection c, DbTransaction t, Merchant merchant, bool enabled, Language lang,
        DateTimeOffset now, CancellationToken ct)
    {
        await ReminderRepository.SetMerchantRemindersAsync(c, t, merchant.Id, enabled, now, ct);
        return Replies.RemindersSwitched(enabled, lang);
    }

    /// <summary>Today, this week and this month, counted by the merchant's (Nairobi) calendar.</summary>
    public static async Task<Reply> StatsAsync(DbConnection c, DbTransaction t, Merchant merchant, Language lang, DateTimeOffset now,
        CancellationToken ct)
    {
        var totals = await StatsRepository.TotalsSinceAsync(c, t, merchant.Id,
            NairobiTime.StartOfDay(now), NairobiTime.StartOfWeek(now), NairobiTime.StartOfMonth(now), ct);
        return Replies.StatsSummary(
            new MoneyPeriod(totals.DayInvoiced, totals.DayCollected),
            new MoneyPeriod(totals.WeekInvoiced, totals.WeekCollected),
            new MoneyPeriod(totals.MonthInvoiced, totals.MonthCollected), lang);
    }

    private static Reply? Refusal(Invoice? invoice, string number, Language lang) =>
        invoice is null ? Replies.UnknownInvoice(number, lang)
        : invoice.Status == InvoiceStatus.Paid ? Replies.AlreadyPaid(invoice.Number, lang)
        : invoice.Status == InvoiceStatus.Cancelled ? Replies.AlreadyCancelled(invoice.Number, lang)
        : null;

    private static string CustomerLabel(Invoice invoice) => invoice.CustomerName ?? MobileNumber.ToLocal(invoice.Msisdn);
}
