using System.Globalization;
using System.Text;
using CsvHelper;
using InvoiceFirst.Data.Dashboard;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Time;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>
/// The merchant's invoices and payments as CSV for Excel: UTF-8 with a byte order mark, amounts in shillings,
/// times in Nairobi, and any cell that would start a formula (=, +, -, @) escaped so a spreadsheet shows it as text.
/// </summary>
public static class CsvExport
{
    // RFC 4180 (CRLF, quoted when needed); a cell that would start a formula gets a leading ' and is quoted.
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };

    public static string Invoices(IEnumerable<Invoice> invoices) => Write(csv =>
    {
        foreach (var header in new[] { "number", "payment_reference", "created", "customer_name", "customer_phone", "description",
                     "amount_kes", "paid_kes", "balance_kes", "status", "sent", "paid", "cancelled" })
            csv.WriteField(header);
        csv.EndRecord();
        foreach (var i in invoices)
        {
            csv.WriteField(i.Number);
            csv.WriteField(i.PaymentReference);
            csv.WriteField(When(i.CreatedAt));
            csv.WriteField(i.CustomerName ?? "");
            csv.WriteField(MobileNumber.ToLocal(i.Msisdn));
            csv.WriteField(i.Description);
            csv.WriteField(Shillings(i.AmountCents));
            csv.WriteField(Shillings(i.AmountPaidCents));
            csv.WriteField(Shillings(Math.Max(0, i.BalanceCents)));
            csv.WriteField(i.Status.Value.ToLowerInvariant());
            csv.WriteField(When(i.SentAt));
            csv.WriteField(When(i.PaidAt));
            csv.WriteField(When(i.CancelledAt));
            csv.EndRecord();
        }
    });

    public static string Payments(IEnumerable<PaymentExportRow> payments) => Write(csv =>
    {
        foreach (var header in new[] { "started", "settled", "invoice", "method", "status", "amount_kes", "mpesa_receipt", "payer_phone" })
            csv.WriteField(header);
        csv.EndRecord();
        foreach (var p in payments)
        {
            csv.WriteField(When(p.CreatedAt));
            csv.WriteField(When(p.SettledAt));
            csv.WriteField(p.InvoiceNumber);
            csv.WriteField(p.Method.Value.ToLowerInvariant());
            csv.WriteField(p.Status.Value.ToLowerInvariant());
            csv.WriteField(Shillings(p.AmountCents));
            csv.WriteField(p.MpesaReceipt ?? "");
            csv.WriteField(p.Msisdn is { } phone ? MobileNumber.ToLocal(phone) : "");
            csv.EndRecord();
        }
    });

    public static byte[] WithBom(string csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];

    private static string Write(Action<CsvWriter> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, true)) rows(csv);
        return text.ToString();
    }

    private static string Shillings(long cents) => Money.FromCents(cents).ToDecimalShillings();

    private static string When(DateTimeOffset? at) =>
        at is { } instant ? instant.ToOffset(NairobiTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
