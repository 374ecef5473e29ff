using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Invoices;
using Microsoft.AspNetCore.Http;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>What the new-invoice form holds, as typed (so a refused form comes back filled in).</summary>
public sealed record InvoiceForm(string Phone, string Name, string Amount, string Description, string Nonce, bool Again)
{
    public static InvoiceForm Blank(string? phone = null, string? name = null) =>
        new(Clip(phone, 20), Clip(name, FieldRules.NameMax), "", "", SecureToken.New(), false);

    public static InvoiceForm Read(IFormCollection form) => new(
        Clip(form["phone"], 20), Clip(form["name"], FieldRules.NameMax * 2), Clip(form["amount"], 20),
        Clip(form["description"], FieldRules.DescriptionMax * 2),
        form["nonce"].ToString() is { Length: >= 16 and <= 64 } nonce ? nonce : SecureToken.New(), form["again"] == "1");

    /// <summary>
    /// The invoice the form asks for, checked by the chat's rules and refused in the chat's words; null with the reason
    /// otherwise. The form's nonce is the idempotency key, so a double press makes one invoice.
    /// </summary>
    public (NewInvoice? Invoice, string? Error) Check(AppUser user, long maxShillings, Language lang)
    {
        if (!MobileNumber.TryParseKenyan(Phone, out var msisdn)) return (null, Replies.InvalidPhone(lang).Text);
        var amount = AmountParser.Parse(Amount, maxShillings);
        if (!amount.IsSuccess) return (null, Replies.ForAmountError(amount.Error!.Value, maxShillings, lang).Text);
        // As in chat: the limit is on what the customer pays, VAT added on top included.
        if (VatBreakdown.For(user.Merchant.Vat, Money.FromShillings(amount.Shillings)).Gross.Shillings > maxShillings)
            return (null, Replies.ForAmountError(AmountError.TooLarge, maxShillings, lang).Text);
        var description = FieldRules.CheckDescription(Description);
        if (!description.IsValid) return (null, Replies.DescriptionLength(description.Error!.Value, lang).Text);
        string? name = null;
        if (!string.IsNullOrWhiteSpace(Name))
        {
            var checkedName = FieldRules.CheckCustomerName(Name);
            if (!checkedName.IsValid) return (null, Replies.NameLength(checkedName.Error!.Value, lang).Text);
            name = checkedName.Value;
        }
        return (new NewInvoice(msisdn, name, Money.FromShillings(amount.Shillings).Cents, description.Value,
            IdempotencyKey: $"web:{Nonce}", CreatedBy: user.Actor.StaffPhone), null);
    }

    private static string Clip(string? value, int max) => (value ?? "").Trim() is var v && v.Length > max ? v[..max] : v;
}
