using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Staff;

namespace InvoiceFirst.Bot.Conversations;

public enum ChatRole
{
    Owner,
    Staff,
}

/// <summary>
/// Who is writing in a merchant chat: the owner, or one of the business's staff. <see cref="Merchant"/> is the
/// business as this person speaks it: for staff its <see cref="Merchant.Language"/> is theirs, so the invoices
/// they send and the confirmations they read follow their language, never changing the owner's.
/// </summary>
public sealed record ChatActor(Merchant Merchant, ChatRole Role, string Phone, string? Name)
{
    public bool IsOwner => Role == ChatRole.Owner;

    /// <summary>What an invoice records as its maker: the staff member's phone, null for the owner.</summary>
    public string? StaffPhone => IsOwner ? null : Phone;

    public static ChatActor Owner(Merchant merchant) => new(merchant, ChatRole.Owner, merchant.Phone, null);

    public static ChatActor Staff(Merchant merchant, StaffMember member) =>
        new(merchant with { Language = member.Language ?? merchant.Language }, ChatRole.Staff, member.Phone, member.Name);

    /// <summary>True when this person may change the invoice (cancel it, stop its reminders): the owner any, staff their own.</summary>
    public bool MayChange(string? createdBy) => IsOwner || string.Equals(createdBy, Phone, StringComparison.Ordinal);

    /// <summary>
    /// False for what only the owner may do: staff, automatic reminders, the evening summary, PDFs, the business's stats, VAT,
    /// changing the product list (staff may list it and invoice from it), the M-PESA keys and the balance.
    /// </summary>
    public bool MayRun(ParsedCommand command) =>
        IsOwner || command is not (StaffCommand or RemindersCommand or SummaryCommand or PdfCommand or StatsCommand or VatCommand
            or ProductAddCommand or ProductRemoveCommand or MpesaCommand or BalanceCommand
            or CommandError { Kind: CommandErrorKind.MissingSwitch or CommandErrorKind.MissingSummarySwitch
                or CommandErrorKind.MissingPdfSwitch or CommandErrorKind.MissingVatMode
                or CommandErrorKind.MpesaUsage });

    public ChatActor Speaking(Language lang) => this with { Merchant = Merchant with { Language = lang.Code } };
}
