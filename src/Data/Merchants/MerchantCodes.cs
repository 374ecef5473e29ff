using System.Security.Cryptography;

namespace InvoiceFirst.Data.Merchants;

/// <summary>
/// Merchant codes: letters and digits a person cannot misread (no 0/O, 1/I), three to start with and longer
/// when the short ones run out, so that "MM7-42" can be typed from a phone screen.
/// </summary>
public static class MerchantCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
