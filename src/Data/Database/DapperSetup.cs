using System.Data;
using System.Globalization;
using Dapper;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Payments;
using Microsoft.Data.Sqlite;

namespace InvoiceFirst.Data.Database;

/// <summary>Process-wide Dapper settings: snake_case columns and one portable time representation.</summary>
internal static class DapperSetup
{
    private static int _configured;

    public static void EnsureConfigured()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1) return;
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        // Dapper only consults a handler for a type it has no built-in mapping for.
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new UtcTimestampHandler());
        TextValueHandler<InvoiceStatus>.Register();
        TextValueHandler<PaymentStatus>.Register();
        TextValueHandler<PaymentMethod>.Register();
        TextValueHandler<OutboxStatus>.Register();
        TextValueHandler<OutboxPurpose>.Register();
    }

    /// <summary>
    /// PostgreSQL stores timestamptz; SQLite stores fixed-width UTC text, so that comparing two
    /// timestamps as text gives the same answer as comparing them as times.
    /// </summary>
    private sealed class UtcTimestampHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        private const string SqliteFormat = "yyyy-MM-dd HH:mm:ss.fffffff'+00:00'";

        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            var utc = value.ToUniversalTime();
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = utc.ToString(SqliteFormat, CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.Value = utc;
            }
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset d => d.ToUniversalTime(),
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
            _ => throw new DataException($"Cannot read a timestamp from {value.GetType().Name}"),
        };
    }

    /// <summary>The SQLite text form, for the rare SQL that builds a timestamp literal.</summary>
    public static string ToSqliteText(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fffffff'+00:00'", CultureInfo.InvariantCulture);
}
