using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Onboarding;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Reminders;
using InvoiceFirst.Data.Staff;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>
/// The owner's settings: business name and language, reminders, the evening summary and PDFs, how customers pay, staff and
/// API keys. Owner only: staff get a 403 page, and every change is made for the session's merchant alone.
/// </summary>
public static partial class DashboardEndpoints
{
    /// <summary>The settings page's services, so each action names one parameter rather than nine.</summary>
    public sealed record SettingsServices(LoginCodes Members, IAntiforgery Antiforgery, Db Db, MerchantApiKeyRepository Keys,
        MerchantMpesaRepository Mpesa, StaffRoster Roster, IOptions<PlatformOptions> Platform, TimeProvider Clock);

    private static async Task<IResult> SettingsAsync(HttpContext http, [AsParameters] SettingsServices s, CancellationToken ct) =>
        await AppSession.CurrentAsync(http, s.Members, ct) is not { } user ? Results.Redirect("/app/login")
        : !user.Actor.IsOwner ? OwnerOnly(http, s.Antiforgery, user)
        : await SettingsPageAsync(http, user, s, null, false, StatusCodes.Status200OK, null, ct);

    private static async Task<IResult> SaveBusinessAsync(HttpContext http, [AsParameters] SettingsServices s, CancellationToken ct) =>
        await ChangeAsync(http, s, ct, async (user, form, text, c, t) =>
        {
            if (!FieldRules.IsName(form["name"], out var name)) return (text.NameRule, true);
            var language = form["language"] == "sw" ? Language.Swahili : Language.English;
            await MerchantRepository.RenameAsync(c, t, user.Merchant.Id, name, s.Clock.GetUtcNow(), ct);
            await MerchantRepository.SetLanguageAsync(c, t, user.Merchant.Id, language.Code, s.Clock.GetUtcNow(), ct);
            return (new DashboardText(language).Saved, false);
        });

    private static async Task<IResult> SaveMessagesAsync(HttpContext http, [AsParameters] SettingsServices s, CancellationToken ct) =>
        await ChangeAsync(http, s, ct, async (user, form, text, c, t) =>
        {
            await ReminderRepository.SetMerchantRemindersAsync(c, t, user.Merchant.Id, form["reminders"] == "on", s.Clock.GetUtcNow(), ct);
            await MerchantSummaryRepository.SetAsync(c, t, user.Merchant.Id, form["summary"] == "on", s.Clock.GetUtcNow(), ct);
            await MerchantRepository.SetPdfAsync(c, t, user.Merchant.Id, form["pdf"] == "on", s.Clock.GetUtcNow(), ct);
            return (text.Saved, false);
        });

    private static async Task<IResult> SavePayRouteAsync(HttpContext http, [AsParameters] SettingsServices s, CancellationToken ct) =>
        await ChangeAsync(http, s, ct, async (user, form, text, c, t) =>
        {
            var (choice, problem) = PayChoiceParser.Parse(form["pay"], s.Platform.Value.CollectionEnabled == true);
            if (choice is null) return (RegistrationReplies.PayRouteProblem(problem!.Value, text.Language).Text, true);
            await MerchantRepository.SetPayRouteAsync(c, t, user.Merchant.Id, choice.Route, choice.Number, choice.Account, s.Clock.GetUtcNow(), ct);
            return (text.Saved, false);
        });

    /// <summary>"Enter my own M-PESA keys": a fresh one-time setup link for this merchant, opened at once.</summary>
    private static async Task<IResult> MpesaLinkAsync(HttpContext http, [AsParameters] SettingsServices s, CancellationToken ct)
    {
        var (user, refusal) = await OwnerFormAsync(http, s, ct);
        if (refusal is not null) return refusal;
        var token = await s.Db.InTransactionAsync((c, t) =>
            SetupLinkRepository.IssueAsync(c, t, user!.Merchant.Id, SetupLinkRepository.MpesaPurpose, s.Clock.GetUtcNow(), ct), ct);
        return Results.Redirect($"/setup/mpesa/{token}");
    }

    private static async Task<IResult> AddStaffAsync(HttpContext http, [AsParameters] SettingsServices s, CancellationToken ct) =>
        await ChangeAsync(http, s, ct, async (user, form, text, c, t) =>
        {
            if (!MobileNumber.TryParseKenyan(form["phone"], out var phone)) return (text.StaffPhoneRule, true);
            if (!FieldRules.IsName(form["name"], out var name)) return (text.NameRule, true);
            var (reply, added) = await s.Roster.AddAsync(c, t, user.Merchant, phone, name,
                $"staff-welcome:web:{user.Merchant.Id}:{phone}:{SecureToken.New()}", text.Language, ct);
            return (reply.Text, !added);
        });

    private static async Task<IResult> RemoveStaffAsync(HttpContext http, [AsParameters] SettingsServices s, CancellationToken ct) =>
        await ChangeAsync(http, s, ct, async (user, form, text, c, t) =>
            await StaffRepository.RemoveAsync(c, t, user.Merchant.Id, form["phone"].ToString(), ct) is { } removed
                ? (Replies.StaffRemoved(removed.Name, removed.Phone, text.Language).Text, false)
                : (Replies.NotStaff(form["phone"].ToString() is { Length: <= 20 } p ? p : "", text.Language).Text, true));

    private static async Task<IResult> CreateKeyAsync(HttpContext http, [AsParameters] SettingsServices s, CancellationToken ct)
    {
        var (user, refusal) = await OwnerFormAsync(http, s, ct);
        if (refusal is not null) return refusal;
        var (_, secret) = await s.Keys.CreateAsync(user!.Merchant.Id, s.Clock.GetUtcNow(), ct);
        // Shown in this answer only, and the page is not stored by the browser (no-store, as on every page).
        return await SettingsPageAsync(http, user, s, null, false, StatusCodes.Status200OK, secret, ct);
    }

    private static async Task<IResult> RevokeKeyAsync(HttpContext http, long id, [AsParameters] SettingsServices s, CancellationToken ct)
    {
        var (user, refusal) = await OwnerFormAsync(http, s, ct);
        if (refusal is not null) return refusal;
        var text = new DashboardText(Language.FromCode(user!.Merchant.Language));
        // Revoked under this merchant only: another merchant's key id changes nothing and answers like a missing one.
        return await s.Keys.RevokeAsync(user.Merchant.Id, id, s.Clock.GetUtcNow(), ct)
            ? await SettingsPageAsync(http, user, s, text.Revoked, false, StatusCodes.Status200OK, null, ct)
            : NotFound(http, s.Antiforgery, user);
    }

    private delegate Task<(string Notice, bool IsError)> Change(AppUser user, IFormCollection form, DashboardText text,
        System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t);

    /// <summary>One settings form: owner and token checked, the change made in one transaction, the page shown again with what happened.</summary>
    private static async Task<IResult> ChangeAsync(HttpContext http, SettingsServices s, CancellationToken ct, Change change)
    {
        var (user, refusal) = await OwnerFormAsync(http, s, ct);
        if (refusal is not null) return refusal;
        var form = await http.Request.ReadFormAsync(ct);
        var (notice, isError) = await s.Db.InTransactionAsync(async (c, t) =>
            await change(user!, form, new DashboardText(Language.FromCode(user!.Merchant.Language)), c, t), ct);
        // Re-read: the name or language may just have changed.
        var current = await AppSession.CurrentAsync(http, s.Members, ct) ?? user!;
        return await SettingsPageAsync(http, current, s, notice, isError, isError ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, null, ct);
    }

    /// <summary>The signed-in owner behind a settings form with a valid token; otherwise the answer to give instead.</summary>
    private static async Task<(AppUser? User, IResult? Refusal)> OwnerFormAsync(HttpContext http, SettingsServices s, CancellationToken ct)
    {
        if (await AppSession.CurrentAsync(http, s.Members, ct) is not { } user) return (null, Results.Redirect("/app/login"));
        if (!user.Actor.IsOwner) return (user, OwnerOnly(http, s.Antiforgery, user));
        if (!await s.Antiforgery.IsRequestValidAsync(http))
            return (user, await SettingsPageAsync(http, user, s, new DashboardText(Language.FromCode(user.Merchant.Language)).FormExpired, true,
                StatusCodes.Status400BadRequest, null, ct));
        return (user, null);
    }

    private static HtmlPageResult<NotFoundView> OwnerOnly(HttpContext http, IAntiforgery antiforgery, AppUser user) =>
        SignedIn<NotFoundView>(http, antiforgery, user, StatusCodes.Status403Forbidden, new()
        {
            [nameof(NotFoundView.Message)] = new DashboardText(Language.FromCode(user.Merchant.Language)).OwnerOnly,
        });

    private static async Task<IResult> SettingsPageAsync(HttpContext http, AppUser user, SettingsServices s, string? notice, bool isError,
        int status, string? newKey, CancellationToken ct)
    {
        IReadOnlyList<StaffMember> staff;
        await using (var c = await s.Db.OpenAsync(ct))
            staff = await StaffRepository.ListAsync(c, null, user.Merchant.Id, ct);
        return SignedIn<SettingsView>(http, s.Antiforgery, user, status, new()
        {
            [nameof(SettingsView.Merchant)] = user.Merchant,
            [nameof(SettingsView.OwnMpesa)] = await s.Mpesa.GetAsync(user.Merchant.Id, ct),
            [nameof(SettingsView.Staff)] = staff,
            [nameof(SettingsView.Keys)] = await s.Keys.ListAsync(user.Merchant.Id, ct),
            [nameof(SettingsView.CollectionEnabled)] = s.Platform.Value.CollectionEnabled == true,
            [nameof(SettingsView.Notice)] = notice,
            [nameof(SettingsView.NoticeIsError)] = isError,
            [nameof(SettingsView.NewKey)] = newKey,
        });
    }
}
