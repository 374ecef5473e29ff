using System.Data.Common;
using InvoiceFirst.Data.C2b;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Review;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Payments.Flow;

/// <summary>
/// Judges a stored Transaction Status answer against the confirmation it was asked about. Only a
/// Completed result with the same receipt, amount and shortcode makes it money; a denial rejects
/// it without a word to the merchant; anything else leaves it for the next query.
/// </summary>
public sealed class TxStatusResultHandler(
    C2bSettlement settlement,
    TimeProvider clock,
    ILogger<TxStatusResultHandler> logger)
{
    public async Task HandleAsync(DbConnection c, DbTransaction t, TxStatusResultReceived inbound, CancellationToken ct)
    {
        // Read in the inbox transaction: the verdict's conditional updates decide, so no lock is needed here.
        var confirmation = await C2bConfirmationRepository.FindByQueryTokenAsync(c, t, inbound.Token, ct);
        if (confirmation is null) return;
        if (inbound.Result is not { } result)
        {
            logger.LogWarning("Transaction Status answer for confirmation {ConfirmationId} could not be read; kept for review and asked again", confirmation.Id);
            await ReviewItemRepository.AddAsync(c, t,
                ReviewItem.Of(inbound, ReviewSources.TxStatusResult, "not a Transaction Status result", clock.GetUtcNow()), ct);
            return;
        }

        var now = clock.GetUtcNow();
        switch (C2bVerdict.Judge(result, confirmation.TransId, confirmation.Amount.Shillings, confirmation.ShortCode))
        {
            case C2bVerdict.Confirmed when await C2bConfirmationRepository.MarkVerifiedAsync(c, t, confirmation.Id, now, ct):
                logger.LogInformation("C2B confirmation {ConfirmationId} ({TransId}) verified by Transaction Status", confirmation.Id, confirmation.TransId);
                await settlement.ApplyAsync(c, t, confirmation, ct);
                break;
            case C2bVerdict.Denied denied when await C2bConfirmationRepository.MarkRejectedAsync(c, t, confirmation.Id, denied.Reason, now, ct):
                logger.LogWarning("Suspicious C2B confirmation {ConfirmationId} ({TransId}) rejected: {Reason}",
                    confirmation.Id, confirmation.TransId, denied.Reason);
                break;
            case C2bVerdict.Inconclusive inconclusive:
                logger.LogWarning("Transaction Status has no verdict on confirmation {ConfirmationId} yet: {Reason}", confirmation.Id, inconclusive.Reason);
                break;
            default:
                logger.LogInformation("Transaction Status answer for confirmation {ConfirmationId}, already {Status}", confirmation.Id, confirmation.Status);
                break;
        }
    }
}
