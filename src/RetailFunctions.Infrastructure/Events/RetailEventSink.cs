namespace RetailFunctions.Infrastructure.Events;

public enum RetailEventSink
{
    /// <summary>The Azurite (or Storage) queue <c>retail-events-local</c>, for local runs and tests.</summary>
    Queue,

    /// <summary>The Service Bus topic <c>retail-events</c>.</summary>
    ServiceBus,
}
