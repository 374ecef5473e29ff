using InvoiceFirst.Data.Payments;
using System.Text.Json;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Payments.Tests.Mpesa;

public sealed class DarajaClientQueryTests
{
    [Fact]
    public async Task QueryAsync_ResultCodeZero_Succeeded()
    {
        await using var h = await DarajaHarness.StartAsync();
        h.Fake.SetQueryResult("ws_CO_1", "0", "The service request is processed successfully.");

        var outcome = await h.Client.QueryAsync("ws_CO_1", default);

        Assert.IsType<StkQueryOutcome.Succeeded>(outcome);
        var body = JsonDocument.Parse(Assert.Single(h.Fake.StkQueries).Body).RootElement;
        Assert.Equal("174379", body.GetProperty("BusinessShortCode").GetString());
        Assert.Equal("ws_CO_1", body.GetProperty("CheckoutRequestID").GetString());
        Assert.Equal(
            StkPassword.Compute("174379", DarajaHarness.SandboxPasskey, body.GetProperty("Timestamp").GetString()!),
            body.GetProperty("Password").GetString());
    }

    [Fact]
    public async Task QueryAsync_Cancelled1032_FailedAsCancelled()
    {
        await using var h = await DarajaHarness.StartAsync();
        h.Fake.SetQueryResult("ws_CO_2", "1032", "Request cancelled by user");

        var outcome = await h.Client.QueryAsync("ws_CO_2", default);

        var failed = Assert.IsType<StkQueryOutcome.Failed>(outcome);
        Assert.Equal("1032", failed.ResultCode);
        Assert.Equal(PaymentFailureKind.Cancelled, failed.Kind);
        Assert.Equal(PaymentResultStatus.Cancelled, failed.Status);
    }

    [Fact]
    public async Task QueryAsync_UnknownResultCode_FailedButNeedsReview()
    {
        await using var h = await DarajaHarness.StartAsync();
        h.Fake.SetQueryResult("ws_CO_3", "7777", "Something new");

        var failed = Assert.IsType<StkQueryOutcome.Failed>(await h.Client.QueryAsync("ws_CO_3", default));

        Assert.Equal(PaymentResultStatus.NeedsReview, failed.Status);
    }

    [Fact]
    public async Task QueryAsync_StillProcessing4999_Pending()
    {
        await using var h = await DarajaHarness.StartAsync();
        h.Fake.SetQueryResult("ws_CO_4", "4999", "The transaction is still under processing");

        var pending = Assert.IsType<StkQueryOutcome.Pending>(await h.Client.QueryAsync("ws_CO_4", default));

        Assert.Equal("4999", pending.ErrorCode);
    }

    [Theory]
    [InlineData("The transaction is being processed")]
    [InlineData("The transaction does not Exist")]
    [InlineData("")]
    public async Task QueryAsync_Http500WithBeingProcessed_Pending(string message)
    {
        await using var h = await DarajaHarness.StartAsync();
        h.Fake.SetQueryError("ws_CO_5", 500, "500.001.1001", message);

        var pending = Assert.IsType<StkQueryOutcome.Pending>(await h.Client.QueryAsync("ws_CO_5", default));

        Assert.Equal("500.001.1001", pending.ErrorCode);
    }

    [Fact]
    public async Task QueryAsync_PushedAndNotYetAnswered_PendingForIssuedCheckoutId()
    {
        await using var h = await DarajaHarness.StartAsync();
        var accepted = Assert.IsType<StkPushOutcome.Accepted>(await h.Client.StkPushAsync(DarajaHarness.Push(), default));

        var outcome = await h.Client.QueryAsync(accepted.CheckoutRequestId, default);

        Assert.Equal("4999", Assert.IsType<StkQueryOutcome.Pending>(outcome).ErrorCode);
    }
}
