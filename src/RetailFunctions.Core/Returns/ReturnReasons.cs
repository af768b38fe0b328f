namespace RetailFunctions.Core.Returns;

/// <summary>
/// Marketplaces announce a return with the customer's reason, before anyone has inspected the goods. A reason that says
/// the item is damaged or defective sends it to write-off; every other reason restocks it.
/// </summary>
public static class ReturnReasons
{
    private static readonly string[] NotResellable = ["DAMAGE", "DEFECT", "BROKEN", "EXPIRED"];

    public static ReturnDisposition DispositionOf(string? reason) =>
        reason is not null && NotResellable.Any(word => reason.Contains(word, StringComparison.OrdinalIgnoreCase))
            ? ReturnDisposition.Damaged
            : ReturnDisposition.Restock;
}
