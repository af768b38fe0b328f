namespace RetailFunctions.Cli.Demo;

/// <summary>What <c>retail demo</c> sent and what the fabric made of it; <c>--json</c> prints this object.</summary>
internal sealed record DemoSummary(
    IReadOnlyList<DemoChannelCount> Webhooks,
    IReadOnlyDictionary<string, int> OrdersByStatus,
    int OrdersTotal,
    int OrdersFinal,
    int ErpOrders,
    int ErpInvoices,
    int InventoryAdjustmentsSent,
    int InventoryAdjustmentsAccepted,
    string Settlement,
    double ElapsedSeconds,
    IReadOnlyList<DemoOrderState> Unsettled,
    bool Ok);

internal sealed record DemoChannelCount(string Channel, int Sent, int Accepted);

internal sealed record DemoOrderState(string Channel, string ChannelOrderId, string Status, string? FailureReason);
