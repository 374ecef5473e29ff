using System.Text.Json;
using InvoiceFirst.Payments.Mpesa.Wire;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>JSON bodies to answer Daraja's C2B validation and confirmation calls with.</summary>
public static class C2bResponses
{
    public static string Accept() => Write("0", "Accepted");

    public static string Reject(C2bRejectReason reason) => Write(RejectCode(reason), "Rejected");

    /// <summary>Conventional confirmation acknowledgement (Daraja reads only the HTTP 200).</summary>
    public static string ConfirmationAck() => Write("0", "Success");

    public static string RejectCode(C2bRejectReason reason) => reason switch
    {
        C2bRejectReason.InvalidMsisdn => "C2B00011",
        C2bRejectReason.InvalidAccountNumber => "C2B00012",
        C2bRejectReason.InvalidAmount => "C2B00013",
        C2bRejectReason.InvalidKycDetails => "C2B00014",
        C2bRejectReason.InvalidShortCode => "C2B00015",
        _ => "C2B00016",
    };

    private static string Write(string code, string description) =>
        JsonSerializer.Serialize(new C2bWireResponse { ResultCode = code, ResultDesc = description });
}
