namespace InvoiceFirst.Bot.Conversations;

public enum FlowWord
{
    Skip,
    Back,
    Cancel,
    Send,
    Edit,
}
