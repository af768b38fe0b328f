using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Infrastructure.BackOffice;

namespace RetailFunctions.Infrastructure.Returns;

/// <summary>
/// Shopify Admin GraphQL <c>refundCreate</c>. A refund Shopify made itself (<c>refunds/create</c>) is recorded without
/// a transaction, so no money moves twice; a return taken elsewhere (a web order returned in a store) refunds the
/// amount to the original payment.
/// </summary>
public sealed class ShopifyRefundApi(HttpClient http, IOptionsMonitor<BackOfficeEndpointOptions> options, ILogger<ShopifyRefundApi> logger) : IChannelRefundApi
{
    private const string Mutation = "refundCreate";

    private const string RefundCreate = """
        mutation refundCreate($input: RefundInput!) {
          refundCreate(input: $input) { refund { id } userErrors { field message } }
        }
        """;

    public string Channel => BackOfficeSystems.Shopify;

    public async Task ConfirmRefundAsync(string channelOrderId, ChannelRefund refund, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var settings = options.Get(BackOfficeSystems.Shopify);
        var orderId = string.Create(CultureInfo.InvariantCulture, $"gid://shopify/Order/{channelOrderId}");
        var input = new JsonObject
        {
            ["orderId"] = orderId,
            ["note"] = $"Return {refund.ReturnKey}",
            ["notify"] = !refund.AlreadyRefunded,
            // Stock is the fabric's: Shopify must not restock on its own.
            ["refundLineItems"] = new JsonArray(refund.Lines.Select(l => (JsonNode?)new JsonObject { ["sku"] = l.Sku, ["quantity"] = l.Quantity, ["restockType"] = "NO_RESTOCK" }).ToArray()),
            ["transactions"] = refund.AlreadyRefunded
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["orderId"] = orderId, ["kind"] = "REFUND", ["gateway"] = "shopify_payments", ["amount"] = refund.Amount, ["currency"] = refund.Currency }),
        };
        using var request = BackOfficeHttp.Json(
            HttpMethod.Post,
            $"admin/api/{settings.ApiVersion}/graphql.json",
            new JsonObject { ["query"] = RefundCreate, ["variables"] = new JsonObject { ["input"] = input } },
            BackOfficeJson.Default.JsonObject,
            idempotencyKey);
        if (settings.AccessToken is { Length: > 0 } token)
        {
            request.Headers.Add("X-Shopify-Access-Token", token);
        }

        using var response = await BackOfficeHttp.SendAsync(http, request, Channel, Mutation, cancellationToken);
        var body = await BackOfficeHttp.ReadAsync(response, BackOfficeJson.Default.JsonObject, Channel, Mutation, cancellationToken);
        if (body["errors"] is JsonArray { Count: > 0 } errors)
        {
            var message = errors[0]?["message"]?.GetValue<string>();
            throw errors[0]?["extensions"]?["code"]?.GetValue<string>() == "THROTTLED"
                ? new BackOfficeUnavailableException(Channel, Mutation, 200, message)
                : new BackOfficeRejectedException(Channel, Mutation, 200, message);
        }

        if (body["data"]?[Mutation] is not JsonObject payload || payload["userErrors"] is JsonArray { Count: > 0 })
        {
            var userError = body["data"]?[Mutation]?["userErrors"]?[0]?["message"]?.GetValue<string>();
            throw new BackOfficeRejectedException(Channel, Mutation, 200, userError ?? "no payload in the response");
        }

        logger.LogRefundConfirmed(channelOrderId, refund.ReturnKey);
    }
}
