namespace RetailFunctions.Core.Returns;

public sealed class ReturnsOptions
{
    public const string SectionName = "Returns";

    /// <summary>Days after the (last) shipment, or the sale at the counter, within which a return is accepted.</summary>
    public int WindowDays { get; set; } = 30;

    public TimeSpan Window => TimeSpan.FromDays(WindowDays);
}
