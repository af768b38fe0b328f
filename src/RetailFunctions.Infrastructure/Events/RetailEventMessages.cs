using System.Text.Json;
using Azure.Messaging.ServiceBus;
using RetailFunctions.Core.Events;

namespace RetailFunctions.Infrastructure.Events;

/// <summary>
/// How an event travels on the topic: the JSON envelope as body; MessageId = event id so the topic's duplicate
/// detection drops a republished event; SessionId = aggregate id so one order's events arrive in order; the
/// properties subscriptions filter on; the W3C trace context so consumers continue the producer's trace.
/// </summary>
public static class RetailEventMessages
{
    public const string EventTypeProperty = "eventType";
    public const string ChannelProperty = "channel";
    public const string DiagnosticIdProperty = "Diagnostic-Id";

    public static ServiceBusMessage ToServiceBusMessage(RetailEvent retailEvent)
    {
        var message = new ServiceBusMessage(ToJson(retailEvent))
        {
            MessageId = retailEvent.EventId,
            SessionId = retailEvent.AggregateId,
            Subject = retailEvent.EventType,
            ContentType = "application/json",
            CorrelationId = TraceId(retailEvent.TraceParent),
        };
        message.ApplicationProperties[EventTypeProperty] = retailEvent.EventType;
        if (!string.IsNullOrEmpty(retailEvent.Channel))
        {
            message.ApplicationProperties[ChannelProperty] = retailEvent.Channel;
        }

        if (!string.IsNullOrEmpty(retailEvent.TraceParent))
        {
            message.ApplicationProperties[DiagnosticIdProperty] = retailEvent.TraceParent;
        }

        return message;
    }

    public static BinaryData ToJson(RetailEvent retailEvent) =>
        BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(retailEvent, RetailEventJson.Default.RetailEvent));

    /// <summary>The trace id of a W3C <c>traceparent</c> (<c>00-{trace id}-{span id}-{flags}</c>), or null.</summary>
    private static string? TraceId(string? traceParent)
    {
        var parts = traceParent?.Split('-');
        return parts is [_, { Length: 32 } traceId, _, _] ? traceId : null;
    }
}
