namespace InvoiceFirst.Data.Staff;

/// <summary>What became of adding a phone to a business's staff: a phone belongs to one business, as owner or staff.</summary>
public enum StaffAddResult
{
    Added,
    OwnersOwnNumber,
    OwnerOfAnotherBusiness,
    AlreadyStaff,
    StaffOfAnotherBusiness,
}
