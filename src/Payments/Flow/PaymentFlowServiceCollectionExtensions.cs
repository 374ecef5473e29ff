using InvoiceFirst.Payments.Mpesa;
using InvoiceFirst.Payments.Payouts;

namespace InvoiceFirst.Payments.Flow;

public static class PaymentFlowServiceCollectionExtensions
{
    /// <summary>
    /// Initiation, settlement and the payment workers (the Daraja client itself is <c>AddMpesaClient</c>). The host
    /// provides a <see cref="PaymentHost"/> and an <see cref="IPaymentOutcomes"/> that turns outcomes into messages.
    /// </summary>
    public static IServiceCollection AddPaymentFlow(this IServiceCollection services)
    {
        services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.Section)
            .Validate(o => o.QueryAfterSeconds > 0, "Payments:QueryAfterSeconds must be positive")
            .Validate(o => o.MaxQueryIntervalSeconds > 0, "Payments:MaxQueryIntervalSeconds must be positive")
            .Validate(o => o.PollMilliseconds > 0, "Payments:PollMilliseconds must be positive")
            .ValidateOnStart();
        services.AddOptions<Ledger.LedgerOptions>().BindConfiguration(Ledger.LedgerOptions.Section)
            .Validate(o => o.FeePercent is >= 0 and <= 100, "Platform:FeePercent must be 0 to 100")
            .Validate(o => o.FeeCapKes >= 0, "Platform:FeeCapKes must be 0 (no cap) or more")
            .ValidateOnStart();
        services.AddSingleton<Ledger.MerchantLedger>();
        services.AddPayouts();
        // Replace, not TryAdd: wins whichever of AddPaymentFlow and AddMpesaClient runs first.
        services.Replace(ServiceDescriptor.Singleton<IDarajaTokenStore, DatabaseDarajaTokenStore>());
        services.AddSingleton<PaymentSignal>();
        services.AddSingleton<PaymentInitiator>();
        services.AddSingleton<PaymentSettler>();
        services.AddSingleton<StkPusher>();
        services.AddSingleton<StkCallbackHandler>();
        services.AddSingleton<C2bConfirmationHandler>();
        services.AddSingleton<C2bUrls>();
        services.AddSingleton<C2bSettlement>();
        services.AddSingleton<Merchants.MerchantDarajaKeys>();
        services.AddSingleton<C2bVerifierSignal>();
        services.AddSingleton<TxStatusResultHandler>();
        services.AddSingleton<C2bVerifier>();
        services.AddHostedService(sp => sp.GetRequiredService<C2bVerifier>());
        services.AddHostedService<StkPushWorker>();
        services.AddHostedService<PaymentReconciler>();
        return services;
    }
}
