using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Merchants;

/// <summary>A merchant's own WhatsApp Business number as stored: its access token is an encrypted blob this layer never opens.</summary>
public sealed record MerchantWhatsApp
{
    public long MerchantId { get; init; }

    /// <summary>Meta's numeric id of the number (what webhooks carry in <c>metadata.phone_number_id</c>).</summary>
    public required string PhoneNumberId { get; init; }
    public required string DisplayPhoneNumber { get; init; }

    /// <summary>Encrypted (Data Protection); see the Messaging layer's <c>WhatsAppNumbers</c>.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The number's own approved invoice template; null: it has none, and outside the 24-hour window WhatsApp is no way.</summary>
    public string? InvoiceTemplate { get; init; }
    public string? TemplateLanguage { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    // A record prints every property; the token is encrypted, but it is nobody's business in a log either.
    public override string ToString() => $"MerchantWhatsApp {{ MerchantId = {MerchantId}, PhoneNumberId = {PhoneNumberId} }}";
}

/// <summary>Merchants' own WhatsApp numbers. Every statement on one merchant's number names the merchant.</summary>
public sealed class MerchantWhatsAppRepository(Db db)
{
    private const string Columns =
        "merchant_id, phone_number_id, display_phone_number, access_token, invoice_template, template_language, created_at, updated_at";

    /// <summary>Saves or replaces the merchant's number; false when the number is already another merchant's.</summary>
    public async Task<bool> SaveAsync(MerchantWhatsApp row, CancellationToken ct)
    {
        // The WHERE keeps a number that is another merchant's from being taken over by a conflict on merchant_id alone;
        // a conflict on phone_number_id with another merchant raises the unique violation caught below.
        const string sql = """
            INSERT INTO merchant_whatsapp (merchant_id, phone_number_id, display_phone_number, access_token, invoice_template,
                template_language, created_at, updated_at)
            VALUES (@MerchantId, @PhoneNumberId, @DisplayPhoneNumber, @AccessToken, @InvoiceTemplate, @TemplateLanguage, @UpdatedAt, @UpdatedAt)
            ON CONFLICT (merchant_id) DO UPDATE SET phone_number_id = excluded.phone_number_id,
                display_phone_number = excluded.display_phone_number, access_token = excluded.access_token,
                invoice_template = excluded.invoice_template, template_language = excluded.template_language, updated_at = excluded.updated_at
            """;
        await using var connection = await db.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, row, cancellationToken: ct));
            return true;
        }
        catch (DbException ex) when (Db.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task<MerchantWhatsApp?> GetAsync(long merchantId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await GetAsync(connection, null, merchantId, ct);
    }

    public static Task<MerchantWhatsApp?> GetAsync(DbConnection connection, DbTransaction? transaction, long merchantId, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM merchant_whatsapp WHERE merchant_id = @merchantId";
        return connection.QuerySingleOrDefaultAsync<MerchantWhatsApp>(new CommandDefinition(sql, new { merchantId }, transaction, cancellationToken: ct));
    }

    /// <summary>Whose own number <paramref name="phoneNumberId"/> is; null when it is no merchant's.</summary>
    public static Task<MerchantWhatsApp?> FindByPhoneNumberIdAsync(DbConnection connection, DbTransaction? transaction, string phoneNumberId,
        CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM merchant_whatsapp WHERE phone_number_id = @phoneNumberId";
        return connection.QuerySingleOrDefaultAsync<MerchantWhatsApp>(new CommandDefinition(sql, new { phoneNumberId }, transaction, cancellationToken: ct));
    }

    public async Task<MerchantWhatsApp?> FindByPhoneNumberIdAsync(string phoneNumberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await FindByPhoneNumberIdAsync(connection, null, phoneNumberId, ct);
    }

    /// <summary>Back to the shared number: new messages go from it at once; false when the merchant had no number of its own.</summary>
    public async Task<bool> DeleteAsync(long merchantId, CancellationToken ct)
    {
        const string sql = "DELETE FROM merchant_whatsapp WHERE merchant_id = @merchantId";
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { merchantId }, cancellationToken: ct)) == 1;
    }
}
