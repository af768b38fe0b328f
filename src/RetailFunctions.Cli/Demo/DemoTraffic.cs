using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Cli.Demo;

/// <summary>One HTTP delivery the demo sends: the exact body bytes and the headers signed over them.</summary>
/// <param name="Channel">shopify, walmart, pos or inventory.</param>
/// <param name="OrderId">The channel order id the delivery creates, if it creates one.</param>
internal sealed record DemoDelivery(string Channel, string? OrderId, string Path, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(Body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}

/// <summary>A sample line: a seeded SKU (<c>SKU-1000</c> … <c>SKU-3999</c>), a quantity and a unit price.</summary>
internal sealed record DemoLine(string Sku, int Quantity, decimal UnitPrice, string Title);

/// <summary>
/// Builds the sample day's deliveries the way each sender signs them: Shopify (base64 HMAC of the body), Walmart
/// (<c>WM_SEC.SIGNATURE</c> over method, path, timestamp and body hash), POS and inventory adjustments
/// (<c>X-Retail-Signature</c>). Compact bodies carrying only what the fabric reads; amounts always add up.
/// </summary>
internal static class DemoTraffic
{
    public const string ShopifyPath = "api/webhooks/shopify";
    public const string WalmartPath = "api/webhooks/walmart";
    public const string PosPath = "api/webhooks/pos";
    public const string AdjustmentsPath = "api/inventory/adjustments";

    private const decimal TaxRate = 0.08m;

    private static readonly string[] Titles = ["Merino Crew Sweater", "Waxed Canvas Tote", "Cotton Beanie", "Linen Shirt", "Wool Socks", "Rain Shell"];

    public static IReadOnlyList<DemoLine> RandomLines(Random random)
    {
        var count = random.Next(1, 4);
        return Enumerable.Range(0, count)
            .Select(_ => random.Next(1000, 4000))
            .Distinct()
            .Select(sku => new DemoLine(
                $"SKU-{sku}",
                random.Next(1, 3),
                random.Next(8, 90) + 0.99m,
                Titles[sku % Titles.Length]))
            .ToList();
    }

    public static DemoDelivery ShopifyOrder(long orderId, int orderNumber, IReadOnlyList<DemoLine> lines, DateTimeOffset now, string secret)
    {
        var id = orderId.ToString(CultureInfo.InvariantCulture);
        var lineItems = new JsonArray();
        var lineIndex = 0;
        foreach (var line in lines)
        {
            lineItems.Add(new JsonObject
            {
                ["id"] = orderId * 10 + ++lineIndex,
                ["sku"] = line.Sku,
                ["title"] = line.Title,
                ["quantity"] = line.Quantity,
                ["price"] = Money(line.UnitPrice),
                ["requires_shipping"] = true,
                ["tax_lines"] = new JsonArray(new JsonObject { ["title"] = "Sales Tax", ["rate"] = TaxRate, ["price"] = Money(LineTax(line)) }),
                ["discount_allocations"] = new JsonArray(),
            });
        }

        const decimal shipping = 8.00m;
        var subtotal = lines.Sum(l => l.UnitPrice * l.Quantity);
        var tax = lines.Sum(LineTax);
        var timestamp = now.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        var address = new JsonObject
        {
            ["name"] = "Avery Example", ["address1"] = "123 Example Street", ["city"] = "Brooklyn",
            ["province_code"] = "NY", ["zip"] = "11201", ["country_code"] = "US",
        };
        var order = new JsonObject
        {
            ["id"] = orderId,
            ["admin_graphql_api_id"] = $"gid://shopify/Order/{id}",
            ["name"] = $"#{orderNumber}",
            ["email"] = "avery.example@example.com",
            ["currency"] = "USD",
            ["created_at"] = timestamp,
            ["processed_at"] = timestamp,
            ["updated_at"] = timestamp,
            ["financial_status"] = "paid",
            ["taxes_included"] = false,
            ["subtotal_price"] = Money(subtotal),
            ["total_discounts"] = "0.00",
            ["total_tax"] = Money(tax),
            ["total_shipping_price_set"] = new JsonObject { ["shop_money"] = new JsonObject { ["amount"] = Money(shipping), ["currency_code"] = "USD" } },
            ["total_price"] = Money(subtotal + shipping + tax),
            ["customer"] = new JsonObject { ["first_name"] = "Avery", ["last_name"] = "Example", ["email"] = "avery.example@example.com" },
            ["shipping_address"] = address,
            ["line_items"] = lineItems,
            ["shipping_lines"] = new JsonArray(new JsonObject
            {
                ["title"] = "Standard Shipping", ["code"] = "Standard", ["price"] = Money(shipping), ["discounted_price"] = Money(shipping),
                ["tax_lines"] = new JsonArray(), ["discount_allocations"] = new JsonArray(),
            }),
        };
        var body = Encoding.UTF8.GetBytes(order.ToJsonString());
        return new DemoDelivery("shopify", id, ShopifyPath, body, new Dictionary<string, string>
        {
            ["X-Shopify-Topic"] = "orders/create",
            ["X-Shopify-Shop-Domain"] = "retail-demo.myshopify.com",
            ["X-Shopify-Webhook-Id"] = Guid.NewGuid().ToString(),
            ["X-Shopify-Event-Id"] = Guid.NewGuid().ToString(),
            ["X-Shopify-Triggered-At"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["X-Shopify-Hmac-Sha256"] = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)),
        });
    }

    public static DemoDelivery WalmartPurchaseOrder(string purchaseOrderId, IReadOnlyList<DemoLine> lines, DateTimeOffset now, string secret)
    {
        var orderLines = new JsonArray();
        var number = 0;
        foreach (var line in lines)
        {
            var charges = new JsonArray(Charge("PRODUCT", "ItemPrice", line.UnitPrice * line.Quantity, LineTax(line)));
            if (number == 0)
            {
                charges.Add(Charge("SHIPPING", "Shipping", 5.99m, 0.48m));
            }

            orderLines.Add(new JsonObject
            {
                ["lineNumber"] = (++number).ToString(CultureInfo.InvariantCulture),
                ["item"] = new JsonObject { ["productName"] = line.Title, ["sku"] = line.Sku },
                ["charges"] = new JsonObject { ["charge"] = charges },
                ["orderLineQuantity"] = new JsonObject { ["unitOfMeasurement"] = "EACH", ["amount"] = line.Quantity.ToString(CultureInfo.InvariantCulture) },
                ["statusDate"] = now.ToUnixTimeMilliseconds(),
                ["orderLineStatuses"] = new JsonObject
                {
                    ["orderLineStatus"] = new JsonArray(new JsonObject
                    {
                        ["status"] = "Created",
                        ["statusQuantity"] = new JsonObject { ["unitOfMeasurement"] = "EACH", ["amount"] = line.Quantity.ToString(CultureInfo.InvariantCulture) },
                    }),
                },
            });
        }

        var delivery = new JsonObject
        {
            ["source"] = new JsonObject
            {
                ["eventType"] = "PO_CREATED",
                ["eventTime"] = now.ToString("O", CultureInfo.InvariantCulture),
                ["eventId"] = Guid.NewGuid().ToString(),
            },
            ["payload"] = new JsonObject
            {
                ["purchaseOrderId"] = purchaseOrderId,
                ["customerOrderId"] = "2000" + purchaseOrderId,
                ["customerEmailId"] = "demo@relay.walmart.com",
                ["orderType"] = "REGULAR",
                ["orderDate"] = now.ToUnixTimeMilliseconds(),
                ["shippingInfo"] = new JsonObject
                {
                    ["phone"] = "5555550142",
                    ["methodCode"] = "Value",
                    ["postalAddress"] = new JsonObject
                    {
                        ["name"] = "Riley Placeholder", ["address1"] = "789 Example Road", ["city"] = "Bentonville",
                        ["state"] = "AR", ["postalCode"] = "72712", ["country"] = "USA", ["addressType"] = "RESIDENTIAL",
                    },
                },
                ["orderLines"] = new JsonObject { ["orderLine"] = orderLines },
            },
        };
        var body = Encoding.UTF8.GetBytes(delivery.ToJsonString());
        return new DemoDelivery("walmart", purchaseOrderId, WalmartPath, body, new Dictionary<string, string>
        {
            [WalmartWebhookSignature.TimestampHeader] = WalmartWebhookSignature.TimestampOf(now),
            [WalmartWebhookSignature.SignatureHeader] = WalmartWebhookSignature.Sign("POST", "/" + WalmartPath, body, now, secret),
        });
    }

    /// <summary>The seed the Walmart simulator needs so the fabric can acknowledge and ship the purchase order.</summary>
    public static JsonObject WalmartSeed(string purchaseOrderId, IReadOnlyList<DemoLine> lines) => new()
    {
        ["purchaseOrderId"] = purchaseOrderId,
        ["customerOrderId"] = "2000" + purchaseOrderId,
        ["currency"] = "USD",
        ["lines"] = new JsonArray(lines.Select((line, i) => (JsonNode)new JsonObject
        {
            ["sku"] = line.Sku, ["quantity"] = line.Quantity, ["unitPrice"] = line.UnitPrice,
            ["lineNumber"] = (i + 1).ToString(CultureInfo.InvariantCulture), ["productName"] = line.Title,
        }).ToArray()),
    };

    public static DemoDelivery PosSale(string storeId, string transactionId, IReadOnlyList<DemoLine> lines, DateTimeOffset now, string secret)
    {
        var total = lines.Sum(l => l.UnitPrice * l.Quantity + LineTax(l));
        var cash = Math.Ceiling(total / 10m) * 10m;
        var sale = new JsonObject
        {
            ["type"] = "sale",
            ["storeId"] = storeId,
            ["register"] = "R01",
            ["transactionId"] = transactionId,
            ["occurredAt"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["currency"] = "USD",
            ["taxIncluded"] = false,
            ["lines"] = new JsonArray(lines.Select((line, i) => (JsonNode)new JsonObject
            {
                ["lineId"] = (i + 1).ToString(CultureInfo.InvariantCulture), ["sku"] = line.Sku, ["title"] = line.Title,
                ["quantity"] = line.Quantity, ["unitPrice"] = line.UnitPrice, ["discount"] = 0m, ["tax"] = LineTax(line),
            }).ToArray()),
            ["total"] = total,
            ["tenders"] = new JsonArray(new JsonObject { ["type"] = "cash", ["amount"] = cash }),
            ["changeGiven"] = cash - total,
        };
        var body = Encoding.UTF8.GetBytes(sale.ToJsonString());
        return new DemoDelivery("pos", $"{storeId}-{transactionId}", PosPath, body, new Dictionary<string, string>
        {
            [RetailSignature.HeaderName] = RetailSignature.Create(body, secret, now),
        });
    }

    /// <summary>DESIGN §3 adjustments body; <paramref name="sequence"/> must grow per source across runs.</summary>
    public static DemoDelivery InventoryAdjustment(string source, long sequence, IReadOnlyList<(string Sku, int? OnHand, int? Delta)> items, DateTimeOffset now, string secret)
    {
        var adjustment = new JsonObject
        {
            ["source"] = source,
            ["sequence"] = sequence,
            ["occurredAt"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["items"] = new JsonArray(items.Select(item =>
            {
                var node = new JsonObject { ["sku"] = item.Sku, ["location"] = "DC1" };
                if (item.OnHand is { } onHand)
                {
                    node["onHand"] = onHand;
                }
                else
                {
                    node["delta"] = item.Delta ?? 0;
                }

                return (JsonNode)node;
            }).ToArray()),
        };
        var body = Encoding.UTF8.GetBytes(adjustment.ToJsonString());
        return new DemoDelivery("inventory", null, AdjustmentsPath, body, new Dictionary<string, string>
        {
            [RetailSignature.HeaderName] = RetailSignature.Create(body, secret, now),
        });
    }

    /// <summary>A Shopify Payments payout CSV with one charge per order (fee 2.9% + 0.30) and the payout line that balances it.</summary>
    public static string ShopifySettlement(string payoutId, IReadOnlyList<(string OrderName, decimal Amount)> charges, DateTimeOffset now)
    {
        var date = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var time = now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";
        var csv = new StringBuilder("Transaction Date,Type,Order,Card Brand,Card Source,Payout Status,Payout Date,Payout ID,Available On,Amount,Fee,Net,Checkout,Payment Method Name,Presentment Amount,Presentment Currency,Currency\n");
        var totalNet = 0m;
        foreach (var (orderName, amount) in charges)
        {
            var fee = Math.Round(amount * 0.029m + 0.30m, 2, MidpointRounding.AwayFromZero);
            var net = amount - fee;
            totalNet += net;
            csv.Append(CultureInfo.InvariantCulture, $"{time},charge,{orderName},visa,online,paid,{date},{payoutId},{date},{Money(amount)},{Money(fee)},{Money(net)},,card,{Money(amount)},USD,USD\n");
        }

        csv.Append(CultureInfo.InvariantCulture, $"{time},payout,,,,paid,{date},{payoutId},{date},{Money(-totalNet)},0.00,{Money(-totalNet)},,,,,USD\n");
        return csv.ToString();
    }

    public static decimal LineTax(DemoLine line) => Math.Round(line.UnitPrice * line.Quantity * TaxRate, 2, MidpointRounding.AwayFromZero);

    public static decimal ShopifyTotal(IReadOnlyList<DemoLine> lines) => lines.Sum(l => l.UnitPrice * l.Quantity + LineTax(l)) + 8.00m;

    private static JsonObject Charge(string type, string name, decimal amount, decimal tax) => new()
    {
        ["chargeType"] = type,
        ["chargeName"] = name,
        ["chargeAmount"] = new JsonObject { ["currency"] = "USD", ["amount"] = amount },
        ["tax"] = new JsonObject { ["taxName"] = "Tax1", ["taxAmount"] = new JsonObject { ["currency"] = "USD", ["amount"] = tax } },
    };

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
