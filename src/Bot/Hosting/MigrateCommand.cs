using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Bot.Hosting;

/// <summary><c>dotnet InvoiceFirst.Bot.dll migrate</c>: apply migrations and exit (Fly's release command).</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(WebApplicationBuilder builder)
    {
        await using var services = builder.Services.BuildServiceProvider();
        var db = services.GetRequiredService<Db>();
        var logger = services.GetRequiredService<ILogger<Migrator>>();
        logger.LogInformation("Migrating {Database}", db.Target.Describe());
        await services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
        logger.LogInformation("Database is up to date");
        return 0;
    }
}
