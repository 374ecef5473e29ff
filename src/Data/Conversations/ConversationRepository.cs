using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Conversations;

public sealed class ConversationRepository(Db db)
{
    private const string Columns = "id, participant, state, draft, language, chat_context, version, last_inbound_at, expires_at, updated_at";

    /// <summary>
    /// Loads (creating if needed) and row-locks the participant's conversation for the rest of the
    /// transaction, so two messages from one person are applied one after the other, on any instance.
    /// </summary>
    public async Task<Conversation> LockAsync(DbConnection connection, DbTransaction transaction, string participant,
        DateTimeOffset now, CancellationToken ct)
    {
        // One round trip: the insert (a no-op once the row exists) and the locking read go as one command.
        var sql = $"""
            INSERT INTO conversations (participant, state, version, updated_at) VALUES (@participant, 'Idle', 0, @now)
            ON CONFLICT (participant) DO NOTHING;
            SELECT {Columns} FROM conversations WHERE participant = @participant {db.ForUpdate}
            """;
        return await connection.QuerySingleAsync<Conversation>(new CommandDefinition(sql, new { participant, now }, transaction, cancellationToken: ct));
    }

    public static Task SaveAsync(DbConnection connection, DbTransaction transaction, Conversation conversation, CancellationToken ct)
    {
        const string sql = """
            UPDATE conversations SET state = @State, draft = @Draft, language = @Language, chat_context = @ChatContext, version = version + 1,
                last_inbound_at = @LastInboundAt, expires_at = @ExpiresAt, updated_at = @UpdatedAt
            WHERE id = @Id
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, conversation, transaction, cancellationToken: ct));
    }

    /// <summary>The language a person chose or wrote in, if any (null: nobody knows yet).</summary>
    public static Task<string?> LanguageOfAsync(DbConnection connection, DbTransaction? transaction, string participant, CancellationToken ct)
    {
        const string sql = "SELECT language FROM conversations WHERE participant = @participant";
        return connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(sql, new { participant }, transaction, cancellationToken: ct));
    }

    /// <summary>When the person last wrote to us: WhatsApp's 24-hour window is measured from it.</summary>
    public async Task<DateTimeOffset?> LastInboundAtAsync(string participant, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await LastInboundAtAsync(connection, null, participant, ct);
    }

    public static Task<DateTimeOffset?> LastInboundAtAsync(DbConnection connection, DbTransaction? transaction, string participant, CancellationToken ct)
    {
        const string sql = "SELECT last_inbound_at FROM conversations WHERE participant = @participant";
        return connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(sql, new { participant }, transaction, cancellationToken: ct));
    }

    public async Task<Conversation?> GetAsync(string participant, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM conversations WHERE participant = @participant";
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Conversation>(new CommandDefinition(sql, new { participant }, cancellationToken: ct));
    }
}
