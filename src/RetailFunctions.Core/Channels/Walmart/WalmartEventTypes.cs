namespace RetailFunctions.Core.Channels.Walmart;

/// <summary>Walmart webhook <c>source.eventType</c> values; the event type is the envelope's topic.</summary>
public static class WalmartEventTypes
{
    public const string PoCreated = "PO_CREATED";
    public const string PoLineAutoCancelled = "PO_LINE_AUTOCANCELLED";

    /// <summary>A customer started a return; the payload is the return order as <c>GET /v3/returns</c> shows it.</summary>
    public const string ReturnCreated = "RETURN_CREATED";

    /// <summary>The Returns API's event tag for the same moment, sent by some subscriptions instead of <see cref="ReturnCreated"/>.</summary>
    public const string ReturnInitiated = "RETURN_INITIATED";

    public static bool IsOrderEvent(string eventType) => eventType is PoCreated or PoLineAutoCancelled;

    public static bool IsReturnEvent(string eventType) => eventType is ReturnCreated or ReturnInitiated;
}
