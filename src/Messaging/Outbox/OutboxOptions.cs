namespace InvoiceFirst.Messaging.Outbox;

/// <summary>Settings of the <c>Outbox</c> section: how the dispatcher claims, paces and retries sends.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>False: this process queues messages but never sends them (a webhook-only instance, tests).</summary>
    public bool Enabled { get; set; } = true;

    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Sends in flight at once on this instance. A send holds its slot until the provider answers, so
    /// a limit of N per second at a latency of L seconds needs N × L slots: 16 slots at Meta's usual
    /// 0.2–0.3 s cap WhatsApp near 60/s, under its default 80. Unset: <see cref="ParallelismFor"/>.
    /// </summary>
    public int? MaxParallelism { get; set; }

    /// <summary>Half a second's worth of every provider's configured limit (80 + 20 + 10 by default: 55), between 16 and 1,024.</summary>
    public static int ParallelismFor(int totalMessagesPerSecond) => Math.Clamp((totalMessagesPerSecond + 1) / 2, 16, 1024);

    /// <summary>Tries on one provider for "retry later" answers before it counts as failing for this message.</summary>
    public int MaxAttemptsPerProvider { get; set; } = 4;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a send with an unknown outcome waits for a delivery report before the next channel.</summary>
    public TimeSpan UnknownOutcomeWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A claimed row is this instance's for this long; must exceed the provider timeouts.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Fallback when no in-process signal wakes the dispatcher (rows queued by another instance).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>"Retry later" or unknown outcomes in a row on one provider that open its breaker (see <see cref="ProviderHealth"/>).</summary>
    public int BreakerFailures { get; set; } = 5;

    /// <summary>How long an open breaker refuses sends before it lets one trial through.</summary>
    public TimeSpan BreakerCooldown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Added to the one-second window when spacing sends on the timeline: the long-run rate is
    /// N / (1 s + margin), so 20 ms keeps it within 2% of the limit. The limit itself holds at the
    /// provider whatever the jitter (see <see cref="SendRateLimiter"/>).
    /// </summary>
    public TimeSpan RateWindowMargin { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Set by the host: every message goes to the sandbox channel.</summary>
    public bool UseSandbox { get; set; }

    /// <summary>Sandbox numbers that "have no WhatsApp", so a person can watch the SMS fallback happen.</summary>
    public string[] SandboxWithoutWhatsApp { get; set; } = ["254110000222"];

    /// <summary>Set by the host from <c>App:PublicBaseUrl</c>: where Twilio posts delivery statuses.</summary>
    public string? TwilioStatusCallbackUrl { get; set; }
}
