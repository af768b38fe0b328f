namespace RetailFunctions.Core.Sla;

/// <summary>
/// <c>Sla:{flow}</c> thresholds (e.g. <c>Sla:OrderToErp=00:05:00</c>); a flow that takes longer raises a breach.
/// Breaches are reported, never enforced: processing goes on.
/// </summary>
public sealed class SlaOptions
{
    public const string SectionName = "Sla";

    public TimeSpan OrderToErp { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan FulfilmentToShipment { get; set; } = TimeSpan.FromHours(48);

    public TimeSpan ReturnToRefund { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan InventoryToChannels { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan Threshold(string flow) => flow switch
    {
        SlaFlows.OrderToErp => OrderToErp,
        SlaFlows.FulfilmentToShipment => FulfilmentToShipment,
        SlaFlows.ReturnToRefund => ReturnToRefund,
        SlaFlows.InventoryToChannels => InventoryToChannels,
        _ => throw new ArgumentOutOfRangeException(nameof(flow), flow, "Not a flow with a service level."),
    };

    /// <returns>Null when valid, else which threshold is wrong.</returns>
    public string? Validate() =>
        SlaFlows.All.FirstOrDefault(flow => Threshold(flow) <= TimeSpan.Zero) is { } invalid
            ? $"{SectionName}:{invalid} must be a positive time span."
            : null;
}
