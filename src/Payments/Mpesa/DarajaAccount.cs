namespace InvoiceFirst.Payments.Mpesa;

/// <summary>
/// One Daraja app and the shortcode it charges: the deployment's (<c>Mpesa</c> settings) or a merchant's own. Each has
/// its own OAuth token, cached under <see cref="Key"/> (which changes when a merchant saves new keys).
/// </summary>
public sealed record DarajaAccount(string Key, string ConsumerKey, string ConsumerSecret, string ShortCode, string Passkey,
    string TransactionType, string PartyB)
{
    public const string DeploymentKey = "deployment";

    public bool IsDeployment => Key == DeploymentKey;

    /// <summary>The Till number for Buy Goods, else the shortcode (Paybill).</summary>
    public string EffectivePartyB => string.IsNullOrWhiteSpace(PartyB) ? ShortCode : PartyB;

    public static DarajaAccount Deployment(MpesaOptions o) =>
        new(DeploymentKey, o.ConsumerKey, o.ConsumerSecret, o.ShortCode, o.Passkey, o.TransactionType, o.PartyB);

    // A record prints every property, secrets included: this one prints only what is safe to log.
    public override string ToString() => $"DarajaAccount {Key} ({ShortCode})";
}
