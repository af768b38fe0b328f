using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;
using RetailFunctions.Cli.Output;

namespace RetailFunctions.Cli.Orders;

/// <summary>
/// <c>retail orders show &lt;channel&gt; &lt;channelOrderId&gt; [--json] [--base-url]</c>: the order from
/// <c>GET /api/orders/{channel}/{id}</c> of a running fabric host; <c>--json</c> prints the host's answer as it came.
/// </summary>
internal static class OrdersShowCommand
{
    public static Command Create()
    {
        var channel = new Argument<string>("channel") { Description = "shopify, amazon, walmart or pos." };
        var orderId = new Argument<string>("channelOrderId") { Description = "The order id on the channel." };
        var json = CommonOptions.Json();
        var baseUrl = BaseUrlOption();
        var command = new Command("show", "Show an order: status, lines, ERP order and shipments.") { channel, orderId, json, baseUrl };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(baseUrl),
            parse.GetRequiredValue(channel),
            parse.GetRequiredValue(orderId),
            parse.GetValue(json),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    /// <summary><c>--base-url</c>: the fabric host the order commands talk to.</summary>
    internal static Option<Uri> BaseUrlOption() => new("--base-url")
    {
        Description = "The fabric host.",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:7071"),
        CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : ReportInvalid(result),
    };

    private static async Task<int> RunAsync(
        Uri baseUrl, string channel, string orderId, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        string body;
        try
        {
            using var response = await http.GetAsync(
                $"api/orders/{Uri.EscapeDataString(channel.ToLowerInvariant())}/{Uri.EscapeDataString(orderId)}", cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                await error.WriteLineAsync($"not found: no {channel} order {orderId}");
                return ExitCodes.NotFound;
            }

            response.EnsureSuccessStatusCode();
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"cannot reach the fabric host at {baseUrl}: {ex.Message}");
            return ExitCodes.Unavailable;
        }

        if (json)
        {
            await output.WriteLineAsync(body);
            return ExitCodes.Ok;
        }

        using var document = JsonDocument.Parse(body);
        await WriteSummaryAsync(document.RootElement, output);
        return ExitCodes.Ok;
    }

    private static async Task WriteSummaryAsync(JsonElement order, TextWriter output)
    {
        await output.WriteLineAsync($"order:     {Text(order, "channel")} {Text(order, "channelOrderId")}");
        await output.WriteLineAsync($"status:    {Text(order, "status")}");
        await output.WriteLineAsync($"erp order: {Text(order, "erpOrderId")}");
        if (Text(order, "failureReason") is not "-" and var reason)
        {
            await output.WriteLineAsync($"failed:    {reason}");
        }
        await output.WriteLineAsync();
        await TextTable.WriteAsync(output, ["SKU", "QUANTITY"], Items(order, "lines").Select(l => (IReadOnlyList<string>)[Text(l, "sku"), Text(l, "quantity")]));
        var shipments = Items(order, "shipments").ToList();
        if (shipments.Count > 0)
        {
            await output.WriteLineAsync();
            await TextTable.WriteAsync(output, ["SHIPMENT", "CARRIER", "TRACKING"],
                shipments.Select(s => (IReadOnlyList<string>)[Text(s, "shipmentId"), Text(s, "carrier"), Text(s, "trackingNumber")]));
        }
    }

    private static Uri? ReportInvalid(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError("--base-url must be an absolute http(s) URL.");
        return null;
    }

    private static IEnumerable<JsonElement> Items(JsonElement order, string name) =>
        order.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : [];

    private static string Text(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? "-" : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetDecimal().ToString(CultureInfo.InvariantCulture),
            JsonValueKind.Null => "-",
            _ => value.GetRawText(),
        };
}
