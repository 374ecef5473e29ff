using System.Globalization;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Daraja's <c>yyyyMMddHHmmss</c> timestamps, in Nairobi local time (EAT).</summary>
public static class DarajaTimestamp
{
    // Kenya has used UTC+3 without daylight saving since 1960; a fixed offset avoids needing tzdata.
    public static readonly TimeSpan NairobiOffset = TimeSpan.FromHours(3);

    public static string Now(TimeProvider time) => Format(time.GetUtcNow());

    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(NairobiOffset).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
