using System.Data.Common;
using Dapper;

namespace InvoiceFirst.Data.Staff;

/// <summary>
/// A business's staff. Every statement on one business's staff names the merchant; finding who a phone is
/// (<see cref="FindByPhoneAsync"/>) is the one lookup across businesses, like a merchant's by its phone.
/// </summary>
public static class StaffRepository
{
    private const string Columns = "merchant_id, phone, name, language, added_at";

    /// <summary>Adds the phone unless it already belongs to a business, as its owner or its staff (the unique index decides races).</summary>
    public static async Task<StaffAddResult> AddAsync(DbConnection c, DbTransaction t, long merchantId, string phone, string name,
        DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO merchant_staff (merchant_id, phone, name, added_at)
            SELECT @merchantId, @phone, @name, @now
            WHERE NOT EXISTS (SELECT 1 FROM merchants WHERE phone = @phone)
            ON CONFLICT (phone) DO NOTHING
            """;
        if (await c.ExecuteAsync(new CommandDefinition(sql, new { merchantId, phone, name, now }, t, cancellationToken: ct)) == 1)
            return StaffAddResult.Added;

        const string owner = "SELECT id FROM merchants WHERE phone = @phone";
        if (await c.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(owner, new { phone }, t, cancellationToken: ct)) is { } ownerOf)
            return ownerOf == merchantId ? StaffAddResult.OwnersOwnNumber : StaffAddResult.OwnerOfAnotherBusiness;
        var staff = await FindByPhoneAsync(c, t, phone, ct);
        return staff?.MerchantId == merchantId ? StaffAddResult.AlreadyStaff : StaffAddResult.StaffOfAnotherBusiness;
    }

    /// <summary>The removed member, or null when the phone is not on this business's staff.</summary>
    public static Task<StaffMember?> RemoveAsync(DbConnection c, DbTransaction t, long merchantId, string phone, CancellationToken ct)
    {
        const string sql = $"DELETE FROM merchant_staff WHERE merchant_id = @merchantId AND phone = @phone RETURNING {Columns}";
        return c.QuerySingleOrDefaultAsync<StaffMember>(new CommandDefinition(sql, new { merchantId, phone }, t, cancellationToken: ct));
    }

    /// <summary>The business's staff by name.</summary>
    public static async Task<IReadOnlyList<StaffMember>> ListAsync(DbConnection c, DbTransaction? t, long merchantId, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM merchant_staff WHERE merchant_id = @merchantId ORDER BY lower(name), phone";
        return (await c.QueryAsync<StaffMember>(new CommandDefinition(sql, new { merchantId }, t, cancellationToken: ct))).AsList();
    }

    public static Task<StaffMember?> GetAsync(DbConnection c, DbTransaction? t, long merchantId, string phone, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM merchant_staff WHERE merchant_id = @merchantId AND phone = @phone";
        return c.QuerySingleOrDefaultAsync<StaffMember>(new CommandDefinition(sql, new { merchantId, phone }, t, cancellationToken: ct));
    }

    /// <summary>The business this phone works for, if any: how a staff member's message finds their merchant.</summary>
    public static Task<StaffMember?> FindByPhoneAsync(DbConnection c, DbTransaction? t, string phone, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM merchant_staff WHERE phone = @phone";
        return c.QuerySingleOrDefaultAsync<StaffMember>(new CommandDefinition(sql, new { phone }, t, cancellationToken: ct));
    }

    public static Task SetLanguageAsync(DbConnection c, DbTransaction t, long merchantId, string phone, string language, CancellationToken ct)
    {
        const string sql = "UPDATE merchant_staff SET language = @language WHERE merchant_id = @merchantId AND phone = @phone";
        return c.ExecuteAsync(new CommandDefinition(sql, new { merchantId, phone, language }, t, cancellationToken: ct));
    }
}
