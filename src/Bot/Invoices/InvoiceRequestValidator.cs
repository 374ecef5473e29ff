using InvoiceFirst.Data.Domain;
using System.Security.Cryptography;
using System.Text;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Invoices;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Invoices;

public sealed record InvoiceFilter(string? Status, string? Msisdn, int Limit);

/// <summary>Checks API input with the same rules the chat uses, naming every bad field.</summary>
public sealed class InvoiceRequestValidator(IOptions<InvoiceOptions> options)
{
    private static readonly string[] Statuses =
    [
        InvoiceStatus.Pending, InvoiceStatus.Sent, InvoiceStatus.PartiallyPaid, InvoiceStatus.Paid,
        InvoiceStatus.Cancelled, InvoiceStatus.Failed, InvoiceStatus.Expired,
    ];

    public (NewInvoice? Request, Dictionary<string, string[]> Errors) Validate(CreateInvoiceRequest body, string? idempotencyKey)
    {
        var errors = new Dictionary<string, string[]>();
        string msisdn = "";
        if (string.IsNullOrWhiteSpace(body.Msisdn) || !MobileNumber.TryParseKenyan(body.Msisdn, out msisdn))
            errors["msisdn"] = ["Must be a Kenyan mobile number such as 254712345678 or 0712345678."];

        var name = string.IsNullOrWhiteSpace(body.CustomerName) ? null : body.CustomerName.Trim();
        if (name is not null && FieldRules.CheckCustomerName(name).Error is not null)
            errors["customer_name"] = [$"Must be {FieldRules.NameMin}–{FieldRules.NameMax} characters."];

        var maxCents = Money.FromShillings(options.Value.MaxAmount).Cents;
        if (body.AmountCents is not { } cents)
            errors["amount_cents"] = ["Required: the amount in cents (KES 1,500 is 150000)."];
        else if (cents <= 0)
            errors["amount_cents"] = ["Must be greater than zero."];
        else if (cents % 100 != 0)
            errors["amount_cents"] = ["M-PESA takes whole shillings: must be a multiple of 100."];
        else if (cents > maxCents)
            errors["amount_cents"] = [$"Must be at most {maxCents} (KES {options.Value.MaxAmount:N0})."];

        var description = body.Description?.Trim() ?? "";
        if (FieldRules.CheckDescription(description).Error is not null)
            errors["description"] = [$"Must be {FieldRules.DescriptionMin}–{FieldRules.DescriptionMax} characters."];

        if (errors.Count > 0) return (null, errors);
        var hash = idempotencyKey is null ? null : Hash(msisdn, name, body.AmountCents!.Value, description);
        return (new NewInvoice(msisdn, name, body.AmountCents!.Value, description, idempotencyKey, hash), errors);
    }

    public (InvoiceFilter? Filter, Dictionary<string, string[]> Errors) ValidateFilter(string? status, string? msisdn, int? limit)
    {
        var errors = new Dictionary<string, string[]>();
        var normalizedStatus = string.IsNullOrWhiteSpace(status) ? null : status.Trim().ToUpperInvariant();
        if (normalizedStatus is not null && !Statuses.Contains(normalizedStatus))
            errors["status"] = [$"Must be one of {string.Join(", ", Statuses)}."];
        string? normalizedMsisdn = null;
        if (!string.IsNullOrWhiteSpace(msisdn) && !MobileNumber.TryParseKenyan(msisdn, out normalizedMsisdn!))
            errors["msisdn"] = ["Must be a Kenyan mobile number such as 254712345678."];
        if (limit is < 1 or > 200)
            errors["limit"] = ["Must be between 1 and 200."];
        return errors.Count > 0 ? (null, errors) : (new InvoiceFilter(normalizedStatus, normalizedMsisdn, limit ?? 50), errors);
    }

    private static string Hash(string msisdn, string? name, long cents, string description) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{msisdn}\n{name}\n{cents}\n{description}")));
}
