using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.Simulators.Gateway;

namespace RetailFunctions.Simulators.Webhooks;

/// <summary>
/// Sends the order webhooks of the simulated Shopify, Amazon and Walmart to <c>{FabricBaseUrl}/api/webhooks/{channel}</c>,
/// signed as each channel signs them, except a configured share that is "lost" (kept here, never sent) so tests can
/// prove that polling recovers them. Loss is deterministic: with a share of 0.5 every second webhook is lost.
/// </summary>
public sealed class ChannelWebhookSender(
    IHttpClientFactory httpClients,
    IOptions<ChannelWebhookOptions> options,
    IConfiguration configuration,
    TimeProvider time) : ISimulatedSystem
{
    public const string HttpClientName = "fabric-webhooks";
    public const string Shopify = "shopify";
    public const string Amazon = "amazon";
    public const string Walmart = "walmart";

    private readonly ConcurrentDictionary<string, double> _lossShares = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(WebhookDelivery Delivery, byte[] Body)> _log = new();

    public string System => "webhooks";

    public static bool IsChannel(string channel) => channel is Shopify or Amazon or Walmart;

    public void SetLossShare(string channel, double share) => _lossShares[channel] = share;

    public IReadOnlyList<WebhookDelivery> Deliveries(string channel) =>
        [.. _log.Select(entry => entry.Delivery).Where(d => d.Channel == channel)];

    /// <summary>Sends the webhook unless its turn is to be lost.</summary>
    public async Task<WebhookDelivery> SendAsync(string channel, string orderId, string topic, byte[] body, CancellationToken cancellationToken)
    {
        var number = _sent.AddOrUpdate(channel, 1, (_, n) => n + 1);
        var share = _lossShares.GetValueOrDefault(channel);
        // Lose the n-th webhook when it crosses a whole multiple of 1/share: exact shares, no randomness in tests.
        var lost = share > 0 && Math.Floor(number * share) > Math.Floor((number - 1) * share);
        var delivery = lost
            ? new WebhookDelivery(channel, orderId, topic, true, null, time.GetUtcNow())
            : new WebhookDelivery(channel, orderId, topic, false, await PostAsync(channel, topic, body, cancellationToken), time.GetUtcNow());
        _log.Enqueue((delivery, body));
        return delivery;
    }

    /// <summary>Sends, late, every webhook that was lost so far (each once); a late webhook must change nothing.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> RedeliverLostAsync(string channel, CancellationToken cancellationToken)
    {
        var lost = _log.Where(entry => entry.Delivery.Channel == channel && entry.Delivery.Lost).ToList();
        var delivered = new List<WebhookDelivery>();
        foreach (var (delivery, body) in lost)
        {
            var late = delivery with { Lost = false, Status = await PostAsync(channel, delivery.Topic, body, cancellationToken), At = time.GetUtcNow() };
            _log.Enqueue((late, body));
            delivered.Add(late);
        }

        return delivered;
    }

    public void Reset()
    {
        _lossShares.Clear();
        _sent.Clear();
        _log.Clear();
    }

    private async Task<int?> PostAsync(string channel, string topic, byte[] body, CancellationToken cancellationToken)
    {
        var path = $"/api/webhooks/{channel}";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.FabricBaseUrl, path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var now = time.GetUtcNow();
        switch (channel)
        {
            case Shopify:
                request.Headers.TryAddWithoutValidation("X-Shopify-Hmac-Sha256", ShopifyWebhookSignature.Sign(body, Secret("Channels:Shopify:WebhookSecret")));
                request.Headers.TryAddWithoutValidation("X-Shopify-Topic", topic);
                request.Headers.TryAddWithoutValidation("X-Shopify-Shop-Domain", "simulated.myshopify.com");
                request.Headers.TryAddWithoutValidation("X-Shopify-Webhook-Id", Guid.NewGuid().ToString());
                request.Headers.TryAddWithoutValidation("X-Shopify-Event-Id", Guid.NewGuid().ToString());
                request.Headers.TryAddWithoutValidation("X-Shopify-Triggered-At", now.UtcDateTime.ToString("O", global::System.Globalization.CultureInfo.InvariantCulture));
                break;
            case Amazon:
                request.Headers.TryAddWithoutValidation("X-Api-Key", Secret("Channels:Amazon:ApiKey"));
                break;
            case Walmart:
                request.Headers.TryAddWithoutValidation(WalmartWebhookSignature.TimestampHeader, WalmartWebhookSignature.TimestampOf(now));
                request.Headers.TryAddWithoutValidation(WalmartWebhookSignature.SignatureHeader, WalmartWebhookSignature.Sign("POST", path, body, now, Secret("Channels:Walmart:WebhookSecret")));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(channel), channel, "Only Shopify, Amazon and Walmart send order webhooks here.");
        }

        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private string Secret(string key) =>
        configuration[key] is { Length: > 0 } secret
            ? secret
            : throw new InvalidOperationException($"{key} is not set: the simulator cannot sign {key.Split(':')[1]} webhooks for the fabric.");

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
