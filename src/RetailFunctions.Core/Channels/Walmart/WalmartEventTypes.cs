namespace RetailFunctions.Core.Channels.Walmart;

/// <summary>Walmart webhook <c>source.eventType</c> values; the event type is the envelope's topic.</summary>
public static class WalmartEventTypes
{
    public const string PoCreated = "PO_CREATED";
    public const string PoLineAutoCancelled = "PO_LINE_AUTOCANCELLED";

    public static bool IsOrderEvent(string eventType) => eventType is PoCreated or PoLineAutoCancelled;
}
