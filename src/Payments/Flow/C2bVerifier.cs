using InvoiceFirst.Data.Workers;
using InvoiceFirst.Data.C2b;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Payments.Flow;

/// <summary>
/// Asks Daraja's Transaction Status about every Paybill/Till confirmation received, each query
/// with a fresh unguessable result URL. No verdict within <c>Mpesa:C2bRequeryMinutes</c>: asked
/// again; none within <c>Mpesa:C2bVerifyHours</c>: UNVERIFIED, for a person to look at.
/// </summary>
public sealed class C2bVerifier(
    C2bConfirmationRepository confirmations,
    DarajaC2bClient daraja,
    Merchants.MerchantDarajaKeys keys,
    C2bUrls urls,
    C2bVerifierSignal signal,
    PaymentHost host,
    IOptions<MpesaOptions> mpesa,
    IOptions<PaymentOptions> payments,
    TimeProvider clock,
    ILogger<C2bVerifier> logger) : PollingWorker(logger)
{
    private static readonly TimeSpan RetryAfterNoAnswer = TimeSpan.FromMinutes(1);

    private bool IsDeployments(string shortCode) => shortCode == mpesa.Value.ShortCode || shortCode == mpesa.Value.EffectivePartyB;

    protected override bool Enabled => mpesa.Value.IsC2bEnabled(host.IsLive);

    protected override Task WaitAsync(CancellationToken ct) => signal.WaitAsync(TimeSpan.FromMilliseconds(payments.Value.PollMilliseconds), ct);

    public override async Task RunOnceAsync(CancellationToken ct)
    {
        var settings = mpesa.Value;
        var now = clock.GetUtcNow();
        foreach (var id in await confirmations.ExpireToUnverifiedAsync(now - TimeSpan.FromHours(settings.C2bVerifyHours), now, ct))
            logger.LogError("C2B confirmation {ConfirmationId} could not be verified within {Hours} h and needs review by an operator", id, settings.C2bVerifyHours);

        var due = await confirmations.ClaimDueAsync(now, now + TimeSpan.FromMinutes(settings.C2bRequeryMinutes), 20, ct);
        foreach (var confirmation in due)
        {
            // A merchant's own shortcode is asked about with its own app and initiator; without one nobody can ask.
            var own = IsDeployments(confirmation.ShortCode) ? null : await keys.ForShortCodeAsync(confirmation.ShortCode, ct);
            if (own is { Initiator: null })
            {
                logger.LogWarning("C2B confirmation {ConfirmationId} was paid to merchant {MerchantId}'s own shortcode, saved without an initiator: unverified",
                    confirmation.Id, own.MerchantId);
                await confirmations.MarkUnverifiableAsync(confirmation.Id, "the merchant's own shortcode has no initiator saved to verify it", clock.GetUtcNow(), ct);
                continue;
            }
            var token = SecureToken.New();
            await confirmations.AddQueryAsync(token, confirmation.Id, clock.GetUtcNow(), ct);
            var ack = own is { Initiator: { } initiator }
                ? await daraja.TransactionStatusAsync(confirmation.TransId, urls.Result(token), urls.Timeout(token), own.Account, initiator, ct)
                : await daraja.TransactionStatusAsync(confirmation.TransId, urls.Result(token), urls.Timeout(token), ct);
            switch (ack)
            {
                case DarajaAck.Accepted:
                    logger.LogInformation("Transaction Status asked about C2B confirmation {ConfirmationId}", confirmation.Id);
                    break;
                case DarajaAck.Refused refused:
                    logger.LogError("Transaction Status refused the query about C2B confirmation {ConfirmationId}: {Code} {Message}",
                        confirmation.Id, refused.Code, refused.Message);
                    break;
                case DarajaAck.NoAnswer noAnswer:
                    logger.LogWarning("Transaction Status did not answer about C2B confirmation {ConfirmationId}: {Reason}", confirmation.Id, noAnswer.Reason);
                    await confirmations.ScheduleQueryAsync(confirmation.Id, clock.GetUtcNow() + RetryAfterNoAnswer, clock.GetUtcNow(), ct);
                    break;
            }
        }
    }
}
