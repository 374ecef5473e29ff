namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Settings for Safaricom Daraja, bound from the <c>Mpesa</c> configuration section.</summary>
public sealed class MpesaOptions
{
    public const string SectionName = "Mpesa";
    public const string PayBill = "CustomerPayBillOnline";
    public const string BuyGoods = "CustomerBuyGoodsOnline";

    public string BaseUrl { get; set; } = "https://sandbox.safaricom.co.ke";
    public string ConsumerKey { get; set; } = "";
    public string ConsumerSecret { get; set; } = "";

    /// <summary>Paybill number, or the HO/Store number for a Till.</summary>
    public string ShortCode { get; set; } = "";
    public string Passkey { get; set; } = "";

    /// <summary><c>CustomerPayBillOnline</c> (default) or <c>CustomerBuyGoodsOnline</c>.</summary>
    public string TransactionType { get; set; } = PayBill;

    /// <summary>Till number for Buy Goods; empty means the ShortCode (Paybill).</summary>
    public string PartyB { get; set; } = "";

    /// <summary>Largest single STK amount in whole KES (Daraja's limit is 250,000).</summary>
    public long MaxAmountPerTransaction { get; set; } = 250_000;

    /// <summary>Confirm a success callback with STK Query before settling; null means on in Live mode.</summary>
    public bool? ConfirmWithQuery { get; set; }

    /// <summary>Hours after which an unresolved payment is handed to a human.</summary>
    public int ReviewAfterHours { get; set; } = 24;

    /// <summary>Per-call HTTP timeout towards Daraja.</summary>
    public int TimeoutSeconds { get; set; } = 15;

    public string EffectivePartyB => string.IsNullOrWhiteSpace(PartyB) ? ShortCode : PartyB;

    public bool ShouldConfirmWithQuery(bool liveMode) => ConfirmWithQuery ?? liveMode;
}
