using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Payments.Payouts;

public static class PayoutServiceCollectionExtensions
{
    /// <summary>B2C payouts: <c>Platform:PayoutSchedule</c>, the recorder, the schedule, the sender and the result handling.</summary>
    public static IServiceCollection AddPayouts(this IServiceCollection services)
    {
        services.AddOptions<PayoutScheduleOptions>().BindConfiguration(PayoutScheduleOptions.Section)
            .Validate(o => !o.Enabled || o.TryGetTime(out _), "Platform:PayoutSchedule:At must be a Nairobi time as HH:mm (e.g. 18:00), or empty for no payouts")
            .Validate(o => o.MinimumKes >= PayoutScheduleOptions.B2cMinimumKes, "Platform:PayoutSchedule:MinimumKes must be at least 10 (B2C's minimum)")
            .Validate(o => o.StatusAfterSeconds > 0 && o.ResendAfterSeconds > 0 && o.CheckSeconds > 0,
                "Platform:PayoutSchedule:StatusAfterSeconds, ResendAfterSeconds and CheckSeconds must be positive")
            .Validate<IOptions<MpesaOptions>>((o, m) => !o.Enabled
                    || (m.Value.InitiatorName.Length > 0 && m.Value.InitiatorPassword.Length > 0 && SecurityCredential.CanLoad(m.Value)),
                "Platform:PayoutSchedule:At needs Mpesa:InitiatorName, Mpesa:InitiatorPassword and a readable Mpesa:Certificate (or CertificatePath) for B2C")
            // A send still waiting for Daraja must not look abandoned to another instance.
            .Validate<IOptions<MpesaOptions>>((o, m) => o.ResendAfterSeconds > m.Value.TimeoutSeconds,
                "Platform:PayoutSchedule:ResendAfterSeconds must be longer than Mpesa:TimeoutSeconds")
            .ValidateOnStart();
        services.AddSingleton<PayoutSignal>();
        services.AddSingleton<PayoutUrls>();
        services.AddSingleton<PayoutRecorder>();
        services.AddSingleton<PayoutResults>();
        services.AddSingleton<PayoutScheduleWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<PayoutScheduleWorker>());
        services.AddHostedService<PayoutSender>();
        return services;
    }
}
