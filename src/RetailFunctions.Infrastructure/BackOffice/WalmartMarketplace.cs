using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace RetailFunctions.Infrastructure.BackOffice;

/// <summary>A purchase-order line as Walmart's <c>GET /v3/orders/{po}</c> reports it.</summary>
internal readonly record struct WalmartOrderLine(string LineNumber, string Sku, int Quantity, string Status);

/// <summary>What every Walmart Marketplace v3 call needs: its headers, and the purchase order's lines to address.</summary>
internal static class WalmartMarketplace
{
    public static string OrderPath(string purchaseOrderId) => $"v3/orders/{Uri.EscapeDataString(purchaseOrderId)}";

    public static HttpRequestMessage Request(HttpMethod method, string path, JsonObject? body, string idempotencyKey, IOptionsMonitor<BackOfficeEndpointOptions> options)
    {
        var request = body is null
            ? new HttpRequestMessage(method, path)
            : BackOfficeHttp.Json(method, path, body, BackOfficeJson.Default.JsonObject, null);
        request.Headers.Add(BackOfficeHttp.IdempotencyKeyHeader, idempotencyKey);
        // Walmart traces every call by correlation id; the idempotency key ties retries of one activity together.
        request.Headers.Add("WM_QOS.CORRELATION_ID", idempotencyKey);
        request.Headers.Add("WM_SVC.NAME", "Walmart Marketplace");
        if (options.Get(BackOfficeSystems.Walmart).AccessToken is { Length: > 0 } token)
        {
            request.Headers.Add("WM_SEC.ACCESS_TOKEN", token);
        }

        return request;
    }

    public static async Task<WalmartOrderLine[]> ReadLinesAsync(
        HttpClient http,
        IOptionsMonitor<BackOfficeEndpointOptions> options,
        string purchaseOrderId,
        string idempotencyKey,
        CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, OrderPath(purchaseOrderId), null, idempotencyKey, options);
        using var response = await BackOfficeHttp.SendAsync(http, request, BackOfficeSystems.Walmart, "getOrder", cancellationToken);
        var order = await BackOfficeHttp.ReadAsync(response, BackOfficeJson.Default.JsonObject, BackOfficeSystems.Walmart, "getOrder", cancellationToken);
        return (order["order"]?["orderLines"]?["orderLine"] as JsonArray ?? [])
            .Select(l => new WalmartOrderLine(
                l?["lineNumber"]?.GetValue<string>() ?? "",
                l?["item"]?["sku"]?.GetValue<string>() ?? "",
                int.TryParse(l?["orderLineQuantity"]?["amount"]?.GetValue<string>(), CultureInfo.InvariantCulture, out var q) ? q : 0,
                (l?["orderLineStatuses"]?["orderLineStatus"] as JsonArray)?.FirstOrDefault()?["status"]?.GetValue<string>() ?? ""))
            .ToArray();
    }
}
