using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Infrastructure.BackOffice;

namespace RetailFunctions.Infrastructure.Returns;

/// <summary>
/// Walmart Marketplace v3 <c>POST /v3/orders/{purchaseOrderId}/refund</c> (Refund Order Lines): the seller's refund of
/// shipped purchase-order lines, with negative amounts. It serves returns announced by Walmart and Walmart orders
/// returned in a store alike; the Returns API's <c>/v3/returns/{returnOrderId}/refund</c> only knows returns Walmart
/// initiated, by its own return-line numbers.
/// </summary>
public sealed class WalmartRefundApi(HttpClient http, IOptionsMonitor<BackOfficeEndpointOptions> options, ILogger<WalmartRefundApi> logger) : IChannelRefundApi
{
    private const string Operation = "refundOrderLines";

    public string Channel => BackOfficeSystems.Walmart;

    public async Task ConfirmRefundAsync(string channelOrderId, ChannelRefund refund, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (refund.AlreadyRefunded || refund.Amount <= 0m)
        {
            logger.LogRefundNotNeeded(Channel, channelOrderId, refund.ReturnKey);
            return;
        }

        var lines = await WalmartMarketplace.ReadLinesAsync(http, options, channelOrderId, idempotencyKey, cancellationToken);
        var body = new JsonObject
        {
            ["orderRefund"] = new JsonObject
            {
                ["purchaseOrderId"] = channelOrderId,
                ["orderLines"] = new JsonObject
                {
                    ["orderLine"] = new JsonArray(Allocate(channelOrderId, refund, lines).Select(a => (JsonNode?)RefundLine(a.LineNumber, a.Amount, refund)).ToArray()),
                },
            },
        };
        using var request = WalmartMarketplace.Request(HttpMethod.Post, $"{WalmartMarketplace.OrderPath(channelOrderId)}/refund", body, idempotencyKey, options);
        await BackOfficeHttp.SendAndForgetAsync(http, request, Channel, Operation, cancellationToken);
        logger.LogRefundConfirmed(channelOrderId, refund.ReturnKey);
    }

    // Paid prices include tax, which the fabric does not split back out: the whole amount is refunded as the item price.
    private static JsonObject RefundLine(string lineNumber, decimal amount, ChannelRefund refund) => new()
    {
        ["lineNumber"] = lineNumber,
        ["isFullRefund"] = false,
        ["refunds"] = new JsonObject
        {
            ["refund"] = new JsonArray(new JsonObject
            {
                ["refundComments"] = $"Return {refund.ReturnKey}",
                ["refundCharges"] = new JsonObject
                {
                    ["refundCharge"] = new JsonArray(new JsonObject
                    {
                        ["refundReason"] = "CustomerReturn",
                        ["charge"] = new JsonObject
                        {
                            ["chargeType"] = "PRODUCT",
                            ["chargeName"] = "ItemPrice",
                            ["chargeAmount"] = new JsonObject { ["currency"] = refund.Currency, ["amount"] = -amount },
                        },
                    }),
                },
            }),
        },
    };

    // Shipped lines of the SKU in line order, each refunded for the units it takes at the return line's unit amount.
    private List<(string LineNumber, decimal Amount)> Allocate(string channelOrderId, ChannelRefund refund, WalmartOrderLine[] lines)
    {
        var allocation = new List<(string, decimal)>();
        foreach (var line in refund.Lines.Where(l => l.Amount > 0m))
        {
            var left = line.Quantity;
            var allocated = 0m;
            foreach (var candidate in lines.Where(l => l.Sku == line.Sku && l.Status == "Shipped").OrderBy(l => l.LineNumber, StringComparer.Ordinal).TakeWhile(_ => left > 0))
            {
                var take = Math.Min(left, candidate.Quantity);
                left -= take;
                var amount = left == 0 ? line.Amount - allocated : Math.Round(line.Amount * take / line.Quantity, 2, MidpointRounding.AwayFromZero);
                allocated += amount;
                allocation.Add((candidate.LineNumber, amount));
            }

            if (left > 0)
            {
                throw new BackOfficeRejectedException(Channel, Operation, 400, string.Create(CultureInfo.InvariantCulture, $"purchase order {channelOrderId} has fewer than {line.Quantity} shipped of {line.Sku} to refund"));
            }
        }

        return allocation;
    }
}
