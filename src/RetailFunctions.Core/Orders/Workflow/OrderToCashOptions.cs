namespace RetailFunctions.Core.Orders.Workflow;

public sealed class OrderToCashOptions
{
    public const string SectionName = "Orders";

    /// <summary>How long an order may wait for its shipments before it is flagged to operators (it keeps waiting).</summary>
    public TimeSpan ShipmentTimeout { get; set; } = TimeSpan.FromDays(5);

    /// <summary>The fulfilment site (ERP site and inventory location) of orders that are not store sales.</summary>
    public string DefaultSite { get; set; } = "DC1";

    /// <summary>Per-channel fulfilment site overriding <see cref="DefaultSite"/>, e.g. <c>Orders:Sites:amazon = DC2</c>.</summary>
    public Dictionary<string, string> Sites { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string SiteFor(string channel) => Sites.TryGetValue(channel, out var site) ? site : DefaultSite;
}
