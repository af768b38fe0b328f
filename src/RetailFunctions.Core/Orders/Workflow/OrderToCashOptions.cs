namespace RetailFunctions.Core.Orders.Workflow;

public sealed class OrderToCashOptions
{
    public const string SectionName = "Orders";

    /// <summary>How long an order may wait for its shipments before it is flagged to operators (it keeps waiting).</summary>
    public TimeSpan ShipmentTimeout { get; set; } = TimeSpan.FromDays(5);

    /// <summary>
    /// How long ERP postings keep being retried while the ERP answers 5xx/429 or cannot be reached (a maintenance
    /// window): the order waits on durable timers and goes on afterwards instead of failing.
    /// </summary>
    public TimeSpan ErpOutageTolerance { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The longest wait between two ERP retries; the wait doubles from 2 s up to it.</summary>
    public TimeSpan ErpRetryMaxInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The fulfilment site (ERP site and inventory location) of orders that are not store sales.</summary>
    public string DefaultSite { get; set; } = "DC1";

    /// <summary>Per-channel fulfilment site overriding <see cref="DefaultSite"/>, e.g. <c>Orders:Sites:amazon = DC2</c>.</summary>
    public Dictionary<string, string> Sites { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Validate() =>
        ShipmentTimeout <= TimeSpan.Zero ? "Orders:ShipmentTimeout must be positive."
        : ErpRetryMaxInterval < TimeSpan.FromSeconds(2) ? "Orders:ErpRetryMaxInterval must be at least 2 seconds."
        : ErpOutageTolerance < ErpRetryMaxInterval ? "Orders:ErpOutageTolerance must be at least Orders:ErpRetryMaxInterval."
        : null;

    public string SiteFor(string channel) => Sites.TryGetValue(channel, out var site) ? site : DefaultSite;
}
