using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Fabric;

/// <summary>Reads orders, returns and parked shipments back through the fabric's own API, waiting for a state.</summary>
internal sealed class FabricOrders(HttpClient fabric)
{
    public Task<JsonElement> WaitForOrderAsync(string channel, string orderId, Func<JsonElement, bool> condition, string what) =>
        WaitAsync($"api/orders/{channel}/{orderId}", condition, $"{channel} order {orderId} {what}");

    public Task<JsonElement> WaitForStatusAsync(string channel, string orderId, string status) =>
        WaitForOrderAsync(channel, orderId, o => o.GetProperty("status").GetString() == status, $"to reach {status}");

    public Task<JsonElement> WaitForReturnAsync(string channel, string returnId, string status) =>
        WaitAsync($"api/returns/{channel}/{returnId}", r => r.GetProperty("status").GetString() == status, $"{channel} return {returnId} to reach {status}");

    public async Task<List<JsonElement>> ParkedAsync(string channel, string orderId) =>
        await fabric.GetFromJsonAsync<List<JsonElement>>($"api/shipments/parked?channel={channel}&channelOrderId={orderId}") ?? [];

    private async Task<JsonElement> WaitAsync(string path, Func<JsonElement, bool> condition, string what)
    {
        var holder = await Eventually.GetAsync(
            async () =>
            {
                using var response = await fabric.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return null;
                }

                var value = await response.Content.ReadFromJsonAsync<JsonElement>();
                return condition(value) ? new Holder(value) : null;
            },
            TimeSpan.FromSeconds(90),
            what);
        return holder.Value;
    }

    private sealed record Holder(JsonElement Value);
}
