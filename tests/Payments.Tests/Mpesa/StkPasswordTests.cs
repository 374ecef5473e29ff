using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Payments.Tests.Mpesa;

public sealed class StkPasswordTests
{
    [Fact]
    public void Compute_OfficialSandboxValues_ReproducesSpecSamplePassword()
    {
        var password = StkPassword.Compute("174379", DarajaHarness.SandboxPasskey, "20210628092408");

        Assert.Equal(
            "MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMjEwNjI4MDkyNDA4",
            password);
    }
}
