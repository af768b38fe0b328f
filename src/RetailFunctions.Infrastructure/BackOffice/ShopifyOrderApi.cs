using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Infrastructure.BackOffice;

/// <summary>Shopify Admin GraphQL: <c>fulfillmentCreate</c> with tracking and <c>orderCancel</c>.</summary>
public sealed class ShopifyOrderApi(HttpClient http, IOptionsMonitor<BackOfficeEndpointOptions> options, ILogger<ShopifyOrderApi> logger) : IChannelOrderApi
{
    private const string FulfillmentCreate = """
        mutation fulfillmentCreate($fulfillment: FulfillmentInput!) {
          fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id status } userErrors { field message } }
        }
        """;

    private const string OrderCancel = """
        mutation orderCancel($orderId: ID!, $reason: OrderCancelReason!, $refund: Boolean!, $restock: Boolean!, $notifyCustomer: Boolean) {
          orderCancel(orderId: $orderId, reason: $reason, refund: $refund, restock: $restock, notifyCustomer: $notifyCustomer) { job { id } orderCancelUserErrors { field message code } }
        }
        """;

    public string Channel => BackOfficeSystems.Shopify;

    public Task AcknowledgeAsync(string channelOrderId, string idempotencyKey, CancellationToken cancellationToken)
    {
        // Shopify has no order acknowledgement: an order stays open until it is fulfilled, so there is nothing to send.
        logger.NotApplicable(Channel, "acknowledgement", channelOrderId);
        return Task.CompletedTask;
    }

    public Task ConfirmCancellationAsync(string channelOrderId, string idempotencyKey, CancellationToken cancellationToken) =>
        MutateAsync(
            "orderCancel",
            OrderCancel,
            new JsonObject
            {
                ["orderId"] = OrderGid(channelOrderId),
                ["reason"] = "OTHER",
                // Refunds go through the returns workflow and stock through the fabric's own ledger.
                ["refund"] = false,
                ["restock"] = false,
                ["notifyCustomer"] = false,
            },
            channelOrderId,
            idempotencyKey,
            cancellationToken);

    public Task PushTrackingAsync(string channelOrderId, TrackingUpdate tracking, string idempotencyKey, CancellationToken cancellationToken) =>
        MutateAsync(
            "fulfillmentCreate",
            FulfillmentCreate,
            new JsonObject
            {
                ["fulfillment"] = new JsonObject
                {
                    ["orderId"] = OrderGid(channelOrderId),
                    ["notifyCustomer"] = true,
                    ["trackingInfo"] = new JsonObject { ["company"] = tracking.Carrier, ["number"] = tracking.TrackingNumber, ["url"] = tracking.TrackingUrl },
                    ["lineItems"] = new JsonArray(tracking.Lines.Select(l => (JsonNode?)new JsonObject { ["sku"] = l.Sku, ["quantity"] = l.Quantity }).ToArray()),
                },
            },
            channelOrderId,
            idempotencyKey,
            cancellationToken);

    private async Task MutateAsync(string mutation, string query, JsonObject variables, string channelOrderId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var settings = options.Get(BackOfficeSystems.Shopify);
        using var request = BackOfficeHttp.Json(
            HttpMethod.Post,
            $"admin/api/{settings.ApiVersion}/graphql.json",
            new JsonObject { ["query"] = query, ["variables"] = variables },
            BackOfficeJson.Default.JsonObject,
            idempotencyKey);
        if (settings.AccessToken is { Length: > 0 } token)
        {
            request.Headers.Add("X-Shopify-Access-Token", token);
        }

        using var response = await BackOfficeHttp.SendAsync(http, request, Channel, mutation, cancellationToken);
        var body = await BackOfficeHttp.ReadAsync(response, BackOfficeJson.Default.JsonObject, Channel, mutation, cancellationToken);
        ShopifyGraphql.ThrowOnErrors(body, Channel, mutation);
        logger.Done(Channel, mutation, channelOrderId, "ok");
    }

    private static string OrderGid(string channelOrderId) =>
        channelOrderId.StartsWith("gid://", StringComparison.Ordinal) ? channelOrderId : string.Create(CultureInfo.InvariantCulture, $"gid://shopify/Order/{channelOrderId}");
}
