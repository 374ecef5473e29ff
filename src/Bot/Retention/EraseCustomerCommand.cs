using InvoiceFirst.Data.Domain;
using System.Security.Cryptography;
using System.Text;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Data.Retention;

namespace InvoiceFirst.Bot.Retention;

/// <summary>
/// <c>dotnet InvoiceFirst.Bot.dll erase-customer 0712345678</c>: removes one customer's personal data on
/// request; invoices and payments stay, with a pseudonym in place of the number.
/// </summary>
public static class EraseCustomerCommand
{
    public const string Verb = "erase-customer";

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        await using var services = builder.Services.BuildServiceProvider();
        var logger = services.GetRequiredService<ILogger<RetentionRepository>>();
        if (args.Length < 2 || !MobileNumber.TryParseKenyan(args[1], out var msisdn))
        {
            logger.LogError("Usage: {Verb} <Kenyan mobile number>", Verb);
            return 2;
        }

        var erased = await services.GetRequiredService<RetentionRepository>()
            .EraseCustomerAsync(msisdn, Pseudonym(msisdn), services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None);
        logger.LogInformation("Erased customer {Customer}: {Invoices} invoice(s) kept under a pseudonym", Data.Privacy.Mask.Phone(msisdn), erased);
        return 0;
    }

    /// <summary>Stable per number, so an erased customer's invoices still group together, but not reversible to it.</summary>
    public static string Pseudonym(string msisdn) =>
        "erased-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("invoicefirst-erase:" + msisdn)))[..16];
}
