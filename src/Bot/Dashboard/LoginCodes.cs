using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Logins;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>
/// Six-digit login codes sent by WhatsApp (by SMS when WhatsApp cannot reach the phone): 10 minutes, 5 tries,
/// at most 3 codes a phone per 10 minutes. Stored salted and hashed; never logged. Whoever asks hears the same
/// thing whether or not the phone belongs to a merchant.
/// </summary>
public sealed class LoginCodes(Db db, MerchantMembers members, LoginCodeRepository codes, TimeProvider clock, ILogger<LoginCodes> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const int CodesPerLifetime = 3;

    public async Task SendAsync(string phone, CancellationToken ct)
    {
        if (await MemberAsync(phone, ct) is not { } actor) return;
        await IssueAsync(LoginAudience.App, phone, Language.FromCode(actor.Merchant.Language), actor.Merchant.Id, ct);
    }

    /// <summary>
    /// Sends a code for <paramref name="audience"/> to a phone the caller has already found to be allowed through that
    /// door; <paramref name="merchantId"/> is the merchant the message counts against, if any.
    /// </summary>
    public async Task IssueAsync(LoginAudience audience, string phone, Language lang, long? merchantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await codes.CountIssuedSinceAsync(audience, phone, now - Lifetime, ct) >= CodesPerLifetime)
        {
            logger.LogWarning("Login code for {Audience} (merchant {MerchantId}) not sent: {Count} already asked for in {Minutes} minutes",
                audience, merchantId, CodesPerLifetime, Lifetime.TotalMinutes);
            return;
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var message = LoginMessage(code, lang);
        await db.InTransactionAsync(async (c, t) =>
        {
            var id = await LoginCodeRepository.IssueAsync(c, t, audience, phone, Hash(phone, code), now, now + Lifetime, ct);
            await OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due(phone, OutboxPurpose.Notice,
                ReplyWriter.WithSmsForm(message.ToMessage(), phone), $"login-code:{id}", now, merchantId), ct);
        }, ct);
        if (merchantId is { } id) logger.LogInformation("Login code sent to merchant {MerchantId}", id);
        else logger.LogInformation("Login code sent for {Audience}", audience);
    }

    /// <summary>Who the code logs in, once; null for a wrong, used, expired or over-tried code.</summary>
    public async Task<ChatActor?> VerifyAsync(string phone, string code, CancellationToken ct) =>
        await TryUseAsync(LoginAudience.App, phone, code, ct) ? await MemberAsync(phone, ct) : null;

    /// <summary>True once for the phone's newest live code of <paramref name="audience"/>; a wrong code counts as a try.</summary>
    public Task<bool> TryUseAsync(LoginAudience audience, string phone, string code, CancellationToken ct) =>
        codes.TryUseAsync(audience, phone, stored => Matches(stored, phone, code), clock.GetUtcNow(), ct);

    /// <summary>The owner or staff member this phone is, of an active merchant; else null.</summary>
    public async Task<ChatActor?> MemberAsync(string phone, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await members.FindAsync(connection, null, phone, ct) is { Merchant.Status: MerchantStatus.Active } actor ? actor : null;
    }

    public static bool LooksLikeCode(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    private static Reply LoginMessage(string code, Language lang) => new(Replies.Pick(lang,
        $"Your InvoiceFirst login code is {code}. It works for {Lifetime.TotalMinutes:0} minutes. Never share it: InvoiceFirst will never ask you for it.",
        $"Nambari yako ya kuingia InvoiceFirst ni {code}. Inafanya kazi kwa dakika {Lifetime.TotalMinutes:0}. Usimpe mtu yeyote: InvoiceFirst haitakuuliza."));

    private static string Hash(string phone, string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return Convert.ToBase64String(salt) + "." + Convert.ToBase64String(Digest(salt, phone, code));
    }

    private static bool Matches(string stored, string phone, string code)
    {
        var parts = stored.Split('.');
        return parts.Length == 2
            && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(parts[1]), Digest(Convert.FromBase64String(parts[0]), phone, code));
    }

    private static byte[] Digest(byte[] salt, string phone, string code) =>
        SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(phone + ":" + code)]);
}
