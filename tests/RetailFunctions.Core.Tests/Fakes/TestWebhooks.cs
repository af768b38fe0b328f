using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.Fakes;

internal static class TestWebhooks
{
    public static WebhookPayload Payload(byte[] body, IReadOnlyDictionary<string, string> headers, string method = "POST", string path = "/api/webhooks/test")
    {
        var caseInsensitive = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        var request = new WebhookHttpRequest(
            method,
            path,
            "application/json",
            body.Length,
            name => caseInsensitive.TryGetValue(name, out var value) ? value : null,
            new MemoryStream(body));
        return new WebhookPayload(request, body);
    }

    public static ChannelEventEnvelope Envelope(string channel, string topic, string eventId) =>
        new(channel, topic, eventId, $"raw-webhooks/{channel}/2025/03/14/{eventId}.json", null, new DateTimeOffset(2025, 3, 14, 16, 40, 0, TimeSpan.Zero));
}
