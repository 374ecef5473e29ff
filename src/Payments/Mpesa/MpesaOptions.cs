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

    /// <summary>Take Paybill/Till payments made by hand (C2B); null means on in Sandbox mode, off in Live.</summary>
    public bool? C2bEnabled { get; set; }

    /// <summary>The secret in the registered C2B URLs (at least 32 random characters).</summary>
    public string C2bUrlToken { get; set; } = "";

    /// <summary>What M-PESA does when our validation URL cannot be reached: <c>Completed</c> or <c>Cancelled</c>.</summary>
    public string C2bResponseType { get; set; } = "Completed";

    /// <summary>Hours a confirmation may wait for Transaction Status before a person has to look.</summary>
    public int C2bVerifyHours { get; set; } = 6;

    /// <summary>Minutes to wait for a status result before asking again.</summary>
    public int C2bRequeryMinutes { get; set; } = 10;

    /// <summary>The API initiator (Daraja portal user) that may call Transaction Status.</summary>
    public string InitiatorName { get; set; } = "";
    public string InitiatorPassword { get; set; } = "";

    /// <summary>Safaricom's public certificate (PEM or DER file) that encrypts the initiator password.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The same certificate inline: PEM text, or base64 DER.</summary>
    public string Certificate { get; set; } = "";

    public string EffectivePartyB => string.IsNullOrWhiteSpace(PartyB) ? ShortCode : PartyB;

    public bool ShouldConfirmWithQuery(bool liveMode) => ConfirmWithQuery ?? liveMode;

    public bool IsC2bEnabled(bool liveMode) => C2bEnabled ?? !liveMode;
}
