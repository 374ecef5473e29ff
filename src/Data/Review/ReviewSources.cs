namespace InvoiceFirst.Data.Review;

public static class ReviewSources
{
    public const string C2bConfirmation = "c2b_confirmation";
    public const string StkCallback = "stk_callback";
    public const string TxStatusResult = "tx_status_result";
}
