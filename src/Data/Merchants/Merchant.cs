namespace InvoiceFirst.Data.Merchants;

public sealed record Merchant
{
    public long Id { get; init; }
    public required string Phone { get; init; }
    public required string Name { get; init; }
    public string Language { get; init; } = "en";
    public bool RemindersEnabled { get; init; } = true;

    /// <summary>The evening summary in chat (<c>summary on|off</c>).</summary>
    public bool SummaryEnabled { get; init; }

    /// <summary>The PDF invoice and receipt as WhatsApp documents (<c>pdf on|off</c>); on by default.</summary>
    public bool PdfEnabled { get; init; } = true;

    /// <summary>Short and unique across the deployment (<see cref="MerchantCodes"/>); null only before it is assigned.</summary>
    public string? Code { get; init; }

    /// <summary><see cref="MerchantStatus"/>.</summary>
    public string Status { get; init; } = MerchantStatus.Active;

    /// <summary><see cref="PayRoutes"/>; null when never said (merchants added before joining by chat, or by the operator).</summary>
    public string? PayRoute { get; init; }

    /// <summary>The Till or Paybill number customers pay into (5–7 digits); null for the collection route.</summary>
    public string? PayNumber { get; init; }

    /// <summary>The account customers type on the merchant's Paybill, if it needs one.</summary>
    public string? PayAccount { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The operator's override of <c>Merchants:DailyInvoiceLimit</c>; null: the deployment's default.</summary>
    public int? DailyInvoiceLimit { get; init; }

    /// <summary>The operator's override of <c>Sms:DailyCapPerMerchant</c> (0: no SMS at all); null: the deployment's default.</summary>
    public int? DailySmsCap { get; init; }

    /// <summary>How the merchant's new invoices charge VAT (<c>vat none|inclusive|exclusive</c>); none by default.</summary>
    public Domain.VatMode Vat { get; init; }
}

/// <summary>What a new merchant row needs; the code is drawn when it is inserted.</summary>
public sealed record NewMerchant(string Phone, string Name, string Language, string Status,
    string? PayRoute = null, string? PayNumber = null, string? PayAccount = null);

/// <summary>How a merchant's customers pay.</summary>
public static class PayRoutes
{
    /// <summary>Lipa na M-PESA Buy Goods: the merchant's Till number.</summary>
    public const string Till = "TILL";

    /// <summary>The merchant's Paybill number, with the account customers type if it needs one.</summary>
    public const string Paybill = "PAYBILL";

    /// <summary>Through the operator's collection account; the operator pays the merchant out.</summary>
    public const string Collection = "COLLECTION";
}

/// <summary>Where a merchant stands with the operator.</summary>
public static class MerchantStatus
{
    /// <summary>Registered, waiting for the operator's approval.</summary>
    public const string Pending = "PENDING";
    public const string Active = "ACTIVE";
    public const string Declined = "DECLINED";

    /// <summary>Paused by the operator: their customers can still pay, nothing else runs.</summary>
    public const string Suspended = "SUSPENDED";

    public static readonly IReadOnlyList<string> All = [Pending, Active, Declined, Suspended];
}
