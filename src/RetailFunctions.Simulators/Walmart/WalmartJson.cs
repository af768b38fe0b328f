using System.Globalization;
using System.Text.Json.Nodes;

namespace RetailFunctions.Simulators.Walmart;

/// <summary>Walmart Marketplace v3 order JSON: nested <c>orderLines.orderLine[]</c>, quantities as strings, dates in epoch ms.</summary>
public static class WalmartJson
{
    public static JsonObject Order(WalmartOrder order) => new()
    {
        ["order"] = new JsonObject
        {
            ["purchaseOrderId"] = order.PurchaseOrderId,
            ["customerOrderId"] = order.CustomerOrderId,
            ["customerEmailId"] = $"{order.CustomerOrderId}@relay.walmart.com",
            ["orderDate"] = order.OrderDate.ToUnixTimeMilliseconds(),
            ["orderLines"] = new JsonObject
            {
                ["orderLine"] = new JsonArray(order.Lines.Select(l => (JsonNode?)Line(order.Currency, l)).ToArray()),
            },
        },
    };

    public static JsonObject Error(string code, string description) =>
        new() { ["errors"] = new JsonObject { ["error"] = new JsonArray(new JsonObject { ["code"] = code, ["description"] = description, ["category"] = "DATA", ["severity"] = "ERROR" }) } };

    private static JsonObject Line(string currency, WalmartOrderLine line)
    {
        var status = new JsonObject
        {
            ["status"] = line.Status,
            ["statusQuantity"] = Quantity(line.Quantity),
        };
        if (line.TrackingNumber is not null)
        {
            status["trackingInfo"] = new JsonObject { ["carrierName"] = new JsonObject { ["carrier"] = line.Carrier }, ["trackingNumber"] = line.TrackingNumber };
        }

        return new JsonObject
        {
            ["lineNumber"] = line.LineNumber,
            ["item"] = new JsonObject { ["productName"] = line.ProductName, ["sku"] = line.Sku },
            ["charges"] = new JsonObject
            {
                ["charge"] = new JsonArray(new JsonObject
                {
                    ["chargeType"] = "PRODUCT",
                    ["chargeName"] = "ItemPrice",
                    ["chargeAmount"] = new JsonObject { ["currency"] = currency, ["amount"] = line.UnitPrice * line.Quantity },
                }),
            },
            ["orderLineQuantity"] = Quantity(line.Quantity),
            ["orderLineStatuses"] = new JsonObject { ["orderLineStatus"] = new JsonArray(status) },
        };
    }

    private static JsonObject Quantity(int amount) =>
        new() { ["unitOfMeasurement"] = "EACH", ["amount"] = amount.ToString(CultureInfo.InvariantCulture) };
}
