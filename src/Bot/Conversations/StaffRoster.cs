using System.Data.Common;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Staff;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>The owner's staff commands from chat: list, add (the new member is told how to start), remove.</summary>
public sealed class StaffRoster(TimeProvider clock)
{
    public async Task<Reply> RunAsync(DbConnection c, DbTransaction t, Merchant merchant, ChatEvent inbound, StaffCommand command,
        Language lang, CancellationToken ct) => command switch
    {
        StaffAddCommand add => (await AddAsync(c, t, merchant, add.Msisdn, add.Name, $"staff-welcome:{inbound.Provider}:{inbound.EventId}", lang, ct)).Reply,
        StaffRemoveCommand remove => await StaffRepository.RemoveAsync(c, t, merchant.Id, remove.Msisdn, ct) is { } removed
            ? Replies.StaffRemoved(removed.Name, removed.Phone, lang)
            : Replies.NotStaff(remove.Msisdn, lang),
        StaffRefused refused => Replies.StaffUsage(refused.Problem, lang),
        _ => Replies.StaffList(await StaffRepository.ListAsync(c, t, merchant.Id, ct), lang),
    };

    /// <summary>Adds a staff member and queues their welcome once (<paramref name="welcomeKey"/>); the reply says how it went.</summary>
    public async Task<(Reply Reply, bool Added)> AddAsync(DbConnection c, DbTransaction t, Merchant merchant, string msisdn, string name, string welcomeKey,
        Language lang, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var result = await StaffRepository.AddAsync(c, t, merchant.Id, msisdn, name, now, ct);
        if (result != StaffAddResult.Added) return (Replies.StaffNotAdded(result, msisdn, lang), false);

        // They did not write first, so WhatsApp may refuse it outside its window; the SMS form then carries it.
        var welcome = Replies.StaffWelcome(merchant.Name, lang).ToMessage();
        await OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due(msisdn, OutboxPurpose.Notice,
            ReplyWriter.WithSmsForm(welcome, msisdn), welcomeKey, now, merchant.Id), ct);
        return (Replies.StaffAdded(name, msisdn, lang), true);
    }
}
