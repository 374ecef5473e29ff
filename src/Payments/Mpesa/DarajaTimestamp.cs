using System.Globalization;
using InvoiceFirst.Data.Time;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Daraja's <c>yyyyMMddHHmmss</c> timestamps, in Nairobi local time (EAT).</summary>
public static class DarajaTimestamp
{
    // Kenya has used UTC+3 without daylight saving since 1960; a fixed offset avoids needing tzdata.

    public static string Now(TimeProvider time) => Format(time.GetUtcNow());

    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(NairobiTime.Offset).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
