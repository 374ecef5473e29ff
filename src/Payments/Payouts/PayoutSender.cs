using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payouts;
using InvoiceFirst.Data.Workers;
using InvoiceFirst.Payments.Flow;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Payments.Payouts;

/// <summary>
/// Sends recorded payouts over B2C, each POST once: claimed (sending) right before it, sent on Daraja's acknowledgement,
/// failed on a clear refusal. No answer leaves it sending; after its lease it is sent again with the same
/// OriginatorConversationID (Daraja refuses a repeat with 500.002.1001: it has it already). A result overdue, or a payout
/// sent as often as allowed without an answer, is asked about with Transaction Status; it is never sent under a new id
/// except by a person's retry.
/// </summary>
public sealed class PayoutSender(
    PayoutRepository payouts,
    DarajaB2cClient b2c,
    DarajaC2bClient status,
    PayoutResults results,
    PayoutUrls urls,
    PayoutSignal signal,
    IOptions<PayoutScheduleOptions> schedule,
    IOptions<PaymentOptions> payments,
    TimeProvider clock,
    ILogger<PayoutSender> logger) : PollingWorker(logger)
{
    /// <summary>Sends of one payout without an answer before only Transaction Status may tell.</summary>
    public const int MaxSendAttempts = 3;

    private const int Batch = 10;

    protected override bool Enabled => schedule.Value.Enabled;

    protected override Task WaitAsync(CancellationToken ct) => signal.WaitAsync(TimeSpan.FromMilliseconds(payments.Value.PollMilliseconds), ct);

    public override async Task RunOnceAsync(CancellationToken ct)
    {
        var o = schedule.Value;
        var now = clock.GetUtcNow();
        foreach (var payout in await payouts.ClaimSendsAsync(now, now + TimeSpan.FromSeconds(o.ResendAfterSeconds), MaxSendAttempts, Batch, ct))
            await SendAsync(payout, o, ct);
        now = clock.GetUtcNow();
        foreach (var payout in await payouts.ClaimStatusChecksAsync(now, now + TimeSpan.FromSeconds(o.StatusAfterSeconds), MaxSendAttempts, Batch, ct))
            await AskStatusAsync(payout, ct);
    }

    private async Task SendAsync(Payout payout, PayoutScheduleOptions o, CancellationToken ct)
    {
        // A token per send: a payout sent again keeps the earlier ones, since Daraja answers the request it accepted first.
        var token = SecureToken.New();
        await payouts.AddTokenAsync(token, payout.Id, PayoutTokenPurpose.Result, clock.GetUtcNow(), ct);
        var ack = await b2c.PayAsync(new B2cPaymentRequest(payout.OriginatorConversationId, payout.Amount.Shillings, payout.Phone,
            $"Payout {payout.Id}", urls.Result(token), urls.Timeout(token)), ct);
        var checkAt = clock.GetUtcNow() + TimeSpan.FromSeconds(o.StatusAfterSeconds);
        switch (ack)
        {
            case DarajaAck.Accepted accepted:
                await payouts.MarkSentAsync(payout.Id, accepted.ConversationId, checkAt, clock.GetUtcNow(), ct);
                logger.LogInformation("Payout {PayoutId} sent over B2C (attempt {Attempt})", payout.Id, payout.SendAttempts);
                break;
            case DarajaAck.Refused { Code: DarajaB2cClient.DuplicateOriginatorCode }:
                await payouts.MarkSentAsync(payout.Id, null, checkAt, clock.GetUtcNow(), ct);
                logger.LogInformation("Payout {PayoutId} was already with Daraja; waiting for its result", payout.Id);
                break;
            case DarajaAck.Refused refused:
                await results.FailRefusedAsync(payout, refused.Code, refused.Message, ct);
                break;
            case DarajaAck.NoAnswer noAnswer:
                logger.LogWarning("Payout {PayoutId}: no answer from B2C ({Reason}); outcome unknown, sent again with the same id later",
                    payout.Id, noAnswer.Reason);
                break;
        }
    }

    private async Task AskStatusAsync(Payout payout, CancellationToken ct)
    {
        var token = SecureToken.New();
        await payouts.AddTokenAsync(token, payout.Id, PayoutTokenPurpose.Status, clock.GetUtcNow(), ct);
        var ack = await status.TransactionStatusOfPayoutAsync(payout.OriginatorConversationId, urls.Result(token), urls.Timeout(token), ct);
        if (ack is DarajaAck.Accepted)
            logger.LogInformation("Transaction Status asked about payout {PayoutId}", payout.Id);
        else
            logger.LogWarning("Transaction Status did not take the query about payout {PayoutId}: {Answer}", payout.Id, ack.GetType().Name);
    }
}
