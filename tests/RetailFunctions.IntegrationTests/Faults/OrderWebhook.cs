using RetailFunctions.IntegrationTests.Fabric;

namespace RetailFunctions.IntegrationTests.Faults;

/// <summary>
/// One new order's webhook on one channel, which can be delivered any number of times: each delivery is a fresh,
/// freshly signed request for the same event, as a channel sends when it retries or redelivers.
/// </summary>
internal sealed record OrderWebhook(string Channel, string OrderId, Func<HttpRequestMessage> NewRequest, Func<HttpClient, Task> SeedChannelAsync)
{
    private static readonly string[] Channels = ["shopify", "walmart", "amazon", "pos"];

    /// <summary>The ERP's idempotency key and the orchestration's instance id for this order.</summary>
    public string OrderKey => $"order-{Channel}-{OrderId}";

    /// <summary><paramref name="count"/> new orders spread round-robin over Shopify, Walmart, Amazon and the POS.</summary>
    public static List<OrderWebhook> NewMix(int count) => Enumerable.Range(0, count).Select(i => New(Channels[i % Channels.Length])).ToList();

    public static OrderWebhook New(string channel)
    {
        switch (channel)
        {
            case "shopify":
            {
                var (orderId, body) = ShopifyWebhook.NewOrder();
                var eventId = Guid.NewGuid().ToString();
                return new OrderWebhook(channel, orderId, () => ShopifyWebhook.Request(body, eventId), _ => Task.CompletedTask);
            }

            case "walmart":
            {
                var (purchaseOrderId, _, body) = WalmartWebhook.NewOrder();
                return new OrderWebhook(channel, purchaseOrderId, () => WalmartWebhook.Request(body), s => WalmartWebhook.SeedAsync(s, purchaseOrderId));
            }

            case "amazon":
            {
                var (orderId, _, body) = AmazonNotification.NewOrder();
                return new OrderWebhook(channel, orderId, () => AmazonNotification.Request(body), s => AmazonNotification.SeedAsync(s, orderId));
            }

            case "pos":
            {
                var (orderId, body) = PosSale.NewSale();
                return new OrderWebhook(channel, orderId, () => PosSale.Request(body), _ => Task.CompletedTask);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(channel), channel, "No order webhook for this channel.");
        }
    }
}
