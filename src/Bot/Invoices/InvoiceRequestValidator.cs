using InvoiceFirst.Data.Domain;
using System.Security.Cryptography;
using System.Text;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Invoices;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Invoices;

public sealed record InvoiceFilter(InvoiceStatus? Status, string? Msisdn, int Limit);

/// <summary>Checks API input with the same rules the chat uses, naming every bad field.</summary>
public sealed class InvoiceRequestValidator(IOptions<InvoiceOptions> options)
{
    public (NewInvoice? Request, Dictionary<string, string[]> Errors) Validate(CreateInvoiceRequest body, string? idempotencyKey)
    {
        var errors = new Dictionary<string, string[]>();
        string msisdn = "";
        if (string.IsNullOrWhiteSpace(body.Msisdn) || !MobileNumber.TryParseKenyan(body.Msisdn, out msisdn))
            errors["msisdn"] = ["Must be a Kenyan mobile number such as 254712345678 or 0712345678."];

        var name = string.IsNullOrWhiteSpace(body.CustomerName) ? null : body.CustomerName.Trim();
        if (name is not null && FieldRules.CheckCustomerName(name).Error is not null)
            errors["customer_name"] = [$"Must be {FieldRules.NameMin}–{FieldRules.NameMax} characters."];

        var items = body.Items is { Count: > 0 } lines ? ValidateItems(lines, errors) : null;
        if (body.Items is not null && body.AmountCents is not null)
            errors["amount_cents"] = ["Send amount_cents or items, not both."];
        else if (body.Items is { Count: 0 })
            errors["items"] = ["Must hold at least one item, or leave items out and send amount_cents."];
        else if (body.Items is null && CheckAmount(body.AmountCents, "Required: the amount in cents (KES 1,500 is 150000), or items.") is { } amountError)
            errors["amount_cents"] = [amountError];
        var cents = items?.Sum(i => i.AmountCents) ?? body.AmountCents ?? 0;
        if (items is not null && !errors.ContainsKey("items") && CheckAmount(cents, "") is { } totalError)
            errors["items"] = ["The items' total: " + totalError];

        // With items the description may be left out: the items' names stand for it.
        var description = body.Description?.Trim() is { Length: > 0 } d ? d
            : items is not null ? DraftItem.Describe(items.Select(i => new DraftItem(i.Description, i.Quantity, i.UnitAmount.Shillings)).ToList()) : "";
        if (FieldRules.CheckDescription(description).Error is not null)
            errors["description"] = [$"Must be {FieldRules.DescriptionMin}–{FieldRules.DescriptionMax} characters."];

        if (errors.Count > 0) return (null, errors);
        var hash = idempotencyKey is null ? null : Hash(msisdn, name, cents, description, items);
        return (new NewInvoice(msisdn, name, cents, description, idempotencyKey, hash, Items: items), errors);
    }

    /// <summary>Above the most one invoice may be once the merchant's VAT is added (exclusive): the error to answer with, else null.</summary>
    public string? CheckGross(VatMode vat, long cents) =>
        VatBreakdown.For(vat, Money.FromCents(cents)).Gross.Shillings > options.Value.MaxAmount
            ? $"With VAT added the total is above KES {options.Value.MaxAmount:N0}, the most one invoice may be."
            : null;

    // The same rules for each item's price, each line and the total as for one amount.
    private string? CheckAmount(long? cents, string missing)
    {
        var maxCents = Money.FromShillings(options.Value.MaxAmount).Cents;
        return cents switch
        {
            null => missing,
            <= 0 => "Must be greater than zero.",
            _ when cents % 100 != 0 => "M-PESA takes whole shillings: must be a multiple of 100.",
            _ when cents > maxCents => $"Must be at most {maxCents} (KES {options.Value.MaxAmount:N0}).",
            _ => null,
        };
    }

    private List<InvoiceItem>? ValidateItems(IReadOnlyList<CreateInvoiceItem> lines, Dictionary<string, string[]> errors)
    {
        var items = new List<InvoiceItem>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var at = $"items[{i}]";
            var itemName = FieldRules.CheckItemName(line.Description);
            if (!itemName.IsValid) errors[$"{at}.description"] = [$"Must be {FieldRules.NameMin}–{FieldRules.NameMax} characters."];
            var quantity = line.Quantity ?? 1;
            if (quantity is < 1 or > DraftItem.MaxQuantity) errors[$"{at}.quantity"] = [$"Must be 1 to {DraftItem.MaxQuantity}."];
            if (CheckAmount(line.UnitAmountCents, "Required: the price of one, in cents.") is { } unitError)
                errors[$"{at}.unit_amount_cents"] = [unitError];
            else if (CheckAmount(quantity * line.UnitAmountCents!.Value, "") is { } lineError)
                errors[$"{at}.unit_amount_cents"] = ["quantity × unit_amount_cents: " + lineError];
            if (errors.Keys.Any(k => k.StartsWith(at + ".", StringComparison.Ordinal))) continue;
            items.Add(InvoiceItem.Of(i + 1, itemName.Value, quantity, Money.FromCents(line.UnitAmountCents!.Value)));
        }

        return errors.Count > 0 ? null : items;
    }

    public (InvoiceFilter? Filter, Dictionary<string, string[]> Errors) ValidateFilter(string? status, string? msisdn, int? limit)
    {
        var errors = new Dictionary<string, string[]>();
        InvoiceStatus? normalizedStatus = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (InvoiceStatus.TryParse(status.Trim().ToUpperInvariant(), out var parsed)) normalizedStatus = parsed;
            else errors["status"] = [$"Must be one of {string.Join(", ", InvoiceStatus.All)}."];
        }
        string? normalizedMsisdn = null;
        if (!string.IsNullOrWhiteSpace(msisdn) && !MobileNumber.TryParseKenyan(msisdn, out normalizedMsisdn!))
            errors["msisdn"] = ["Must be a Kenyan mobile number such as 254712345678."];
        if (limit is < 1 or > 200)
            errors["limit"] = ["Must be between 1 and 200."];
        return errors.Count > 0 ? (null, errors) : (new InvoiceFilter(normalizedStatus, normalizedMsisdn, limit ?? 50), errors);
    }

    // One amount hashes as it always did, so a key reused across the upgrade still matches its body.
    private static string Hash(string msisdn, string? name, long cents, string description, IReadOnlyList<InvoiceItem>? items) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{msisdn}\n{name}\n{cents}\n{description}"
            + (items is null ? "" : string.Concat(items.Select(i => $"\n{i.Description}\t{i.Quantity}\t{i.UnitAmountCents}"))))));
}
