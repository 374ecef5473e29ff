using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Payments;
using InvoiceFirst.Bot.Retention;
using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Bot;

/// <summary>The verbs of the same binary: <c>migrate</c>, <c>erase-customer</c>, <c>register-c2b-urls</c>.</summary>
public static class CommandLineVerbs
{
    /// <summary>Runs the verb named first on the command line; null when there is none and the host should start.</summary>
    public static async Task<int?> TryRunAsync(WebApplicationBuilder builder, string[] args) => args.FirstOrDefault() switch
    {
        "migrate" => await MigrateCommand.RunAsync(builder),
        EraseCustomerCommand.Verb => await EraseCustomerCommand.RunAsync(builder, args),
        RegisterC2bUrlsCommand.Verb => await RegisterC2bUrlsCommand.RunAsync(builder, Console.Out),
        _ => null,
    };
}
