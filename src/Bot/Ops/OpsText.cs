using System.Globalization;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Privacy;

namespace InvoiceFirst.Bot.Ops;

/// <summary>Every word of the operator console (English only: operators are staff of the deployment).</summary>
public static class OpsText
{
    public const string Title = "InvoiceFirst operator console";
    public const string LogIn = "Log in";
    public const string LogOut = "Log out";
    public const string LoginIntro = "Operators log in with a code sent to their WhatsApp. Only the phones listed in Platform:Operators can log in.";
    public const string PhoneLabel = "Your phone number";
    public const string SendCode = "Send me a code";
    public static string CodeSent(string phone) =>
        $"If {phone} belongs to an operator, a 6-digit code is on its way by WhatsApp (or SMS). It works for 10 minutes.";
    public const string CodeLabel = "Code";
    public const string AskAgain = "Ask for a new code";
    public const string BadPhone = "Type the phone number like 0712345678.";
    public const string NotSixDigits = "The code has 6 digits, e.g. 042917.";
    public const string BadCode = "That code is wrong, used or expired. Type the newest code you received, or ask for a new one.";
    public const string TooManyTries = "Too many tries from here. Wait 10 minutes, then try again.";
    public const string FormExpired = "This page was open too long, or the form did not come from it. Nothing was changed; please try again.";

    public const string Overview = "Overview";
    public const string Merchants = "Merchants";
    public const string DeadLetters = "Dead letters";
    public const string Review = "Review";
    public const string Payouts = "Payouts";
    public const string FailedPayouts = "Failed payouts";
    public const string NoFailedPayouts = "No failed payout is waiting for you.";
    public const string Failed = "Failed";
    public const string PayoutRetried = "A new payout of the same amount is on its way; the failed one stays as history.";
    public const string PayoutNotFailed = "That payout is not failed (or no longer exists); nothing was sent.";
    public const string PayoutAlreadyRetried = "That payout was retried already; nothing more was sent.";
    public static string PayoutOverBalance(string available) => $"The merchant's available balance ({available}) no longer covers it; nothing was sent.";
    public const string Reconciliation = "Reconciliation";

    public const string NeedsAttention = "Needs attention";
    public const string NothingNeedsYou = "Nothing needs you right now.";
    public static string PendingMerchants(long n) => $"{n} merchant(s) waiting for approval";
    public static string DeadLetterCount(long n) => $"{n} message(s) given up on";
    public static string PaymentsInReview(long n) => $"{n} payment(s) in review";
    public static string ReviewItems(long n) => $"{n} unreadable provider message(s)";
    public static string FailedPayoutCount(long n) => $"{n} payout(s) failed, not retried";
    public const string Outbox = "Outbox";
    public static string OutboxDepth(long n) => $"{n} message(s) queued";
    public static string OldestQueued(TimeSpan age) => $"oldest waiting {Age(age)}";
    public const string Providers = "Providers";
    public const string NoProviders = "No provider is configured.";
    public const string Provider = "Provider";
    public const string Breaker = "Breaker";
    public const string SuccessRate = "Success";
    public const string LatencyP95 = "p95";
    public static string BreakerState(string state) => $"breaker {state}";

    public const string Search = "Search";
    public const string SearchHint = "Name, phone or code";
    public const string AnyStatus = "Any status";
    public const string Name = "Name";
    public const string Phone = "Phone";
    public const string Code = "Code";
    public const string Status = "Status";
    public const string ThisMonth = "This month";
    public const string Actions = "Actions";
    public const string NoMerchantMatches = "No merchant matches.";
    public const string NoSuchMerchant = "No such merchant.";
    public static string MonthVolume(long invoices, long invoicedCents, long collectedCents) =>
        $"{invoices} invoice(s), {Money.FromCents(invoicedCents).ToKes()} invoiced, {Money.FromCents(collectedCents).ToKes()} collected";
    public static string Changed(string name, string status) => $"{name} is now {status.ToLowerInvariant()}.";
    public static string CannotChange(string action, string status) => $"Cannot {action} a merchant that is {status.ToLowerInvariant()}; nothing was changed.";
    public static string Action(string action) => char.ToUpperInvariant(action[0]) + action[1..];

    public const string Purpose = "Purpose";
    public const string Channel = "Channel";
    public const string To = "To";
    public const string Reason = "Reason";
    public const string GivenUp = "Given up";
    public const string Retry = "Retry";
    public const string MayHaveArrived = "may have arrived";
    public const string NoDeadLetters = "No dead letters.";
    public const string Retried = "Queued again: it will be sent once, on every channel in order.";
    public const string NotDeadAnyMore = "That message is no longer a dead letter (already retried?); nothing was queued.";

    public const string PaymentsTitle = "Payments in review";
    public const string ItemsTitle = "Unreadable provider messages";
    public const string Merchant = "Merchant";
    public const string Invoice = "Invoice";
    public const string Amount = "Amount";
    public const string Receipt = "Receipt";
    public const string Source = "Source";
    public const string Payment = "Payment";
    public const string Received = "Received";
    public const string Note = "Note (what you found, what you did)";
    public const string MarkResolved = "Mark resolved";
    public const string NoPaymentsInReview = "No payment is in review.";
    public const string NoReviewItems = "No unreadable provider message.";
    public const string Resolved = "Marked resolved, with your note.";
    public const string AlreadyResolved = "That one is already resolved (or no longer in review); nothing was changed.";
    public static string NoteRequired(int max) => $"Write a note of 1 to {max} characters: what you found and what you did.";

    public const string Date = "Day (Nairobi)";
    public const string Show = "Show";
    public const string BadDate = "Days look like 2026-12-01.";
    public static string Balanced(DateOnly day) => $"{day:yyyy-MM-dd}: M-PESA and the invoices agree.";
    public static string Differences(DateOnly day, int n) => $"{day:yyyy-MM-dd}: {n} difference(s).";
    public const string Kind = "Kind";
    public const string Recorded = "Recorded";
    public const string Details = "Details";

    public const string NotFound = "Not found.";

    /// <summary>A phone as the console shows it: never in full.</summary>
    public static string Masked(string phone) => Mask.Phone(phone);

    public static string Kes(long? cents) => cents is { } c ? Money.FromCents(c).ToKes() : "";

    public static string When(DateTimeOffset at) =>
        at.ToOffset(Data.Time.NairobiTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Age(TimeSpan age) => age.TotalMinutes < 1 ? "under a minute"
        : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} min"
        : age.TotalDays < 1 ? $"{(int)age.TotalHours} h"
        : $"{(int)age.TotalDays} d";
}
