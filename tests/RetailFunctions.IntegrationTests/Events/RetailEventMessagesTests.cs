using System.Text.Json;
using RetailFunctions.Core.Events;
using RetailFunctions.Infrastructure.Events;

namespace RetailFunctions.IntegrationTests.Events;

public sealed class RetailEventMessagesTests
{
    private const string TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static RetailEvent Event(string? channel = "shopify", string? traceParent = TraceParent) => new(
        "order.completed:shopify:5917204381726",
        RetailEventTypes.OrderCompleted,
        "order-shopify-5917204381726",
        channel,
        new DateTimeOffset(2024, 3, 15, 10, 30, 0, TimeSpan.Zero),
        JsonDocument.Parse("""{"erpOrderId":"SO-1001","total":129.95}""").RootElement,
        traceParent);

    [Fact]
    public void ToServiceBusMessage_event_setsIdsSubjectAndFilterProperties()
    {
        // Arrange
        var retailEvent = Event();

        // Act
        var message = RetailEventMessages.ToServiceBusMessage(retailEvent);

        // Assert
        Assert.Equal("order.completed:shopify:5917204381726", message.MessageId);
        Assert.Equal("order-shopify-5917204381726", message.SessionId);
        Assert.Equal("order.completed", message.Subject);
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal("order.completed", message.ApplicationProperties["eventType"]);
        Assert.Equal("shopify", message.ApplicationProperties["channel"]);
    }

    [Fact]
    public void ToServiceBusMessage_withTraceParent_carriesTraceContext()
    {
        // Arrange
        var retailEvent = Event();

        // Act
        var message = RetailEventMessages.ToServiceBusMessage(retailEvent);

        // Assert
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", message.CorrelationId);
        Assert.Equal(TraceParent, message.ApplicationProperties["Diagnostic-Id"]);
    }

    [Fact]
    public void ToServiceBusMessage_withoutChannelOrTrace_omitsThoseProperties()
    {
        // Arrange
        var retailEvent = Event(channel: null, traceParent: null);

        // Act
        var message = RetailEventMessages.ToServiceBusMessage(retailEvent);

        // Assert
        Assert.False(message.ApplicationProperties.ContainsKey("channel"));
        Assert.False(message.ApplicationProperties.ContainsKey("Diagnostic-Id"));
        Assert.Null(message.CorrelationId);
        Assert.Equal("order.completed", message.ApplicationProperties["eventType"]);
    }

    [Fact]
    public void ToServiceBusMessage_body_isTheCamelCaseEnvelopeWithDecimalData()
    {
        // Arrange
        var retailEvent = Event();

        // Act
        var body = JsonDocument.Parse(RetailEventMessages.ToServiceBusMessage(retailEvent).Body).RootElement;

        // Assert
        Assert.Equal(
            ["eventId", "eventType", "aggregateId", "channel", "occurredAt", "data", "traceParent"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("129.95", body.GetProperty("data").GetProperty("total").GetRawText());
        Assert.Equal("2024-03-15T10:30:00+00:00", body.GetProperty("occurredAt").GetString());
    }
}
