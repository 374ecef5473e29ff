namespace InvoiceFirst.Bot.Reminders;

public static class ReminderServiceCollectionExtensions
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section)
            .Validate(o => o.IsValid(), "Reminders: Schedule steps look like -1d or +3d; PollSeconds and BatchSize are positive; quiet hours are 0-23")
            .ValidateOnStart();
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService<ReminderWorker>();
        return services;
    }
}
