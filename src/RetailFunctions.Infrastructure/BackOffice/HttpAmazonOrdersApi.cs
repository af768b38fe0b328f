using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Infrastructure.BackOffice;

/// <summary>SP-API Orders v0 <c>getOrder</c> and <c>getOrderItems</c> under <c>Channels:Amazon:ApiBaseUrl</c>.</summary>
public sealed class HttpAmazonOrdersApi(HttpClient http) : IAmazonOrdersApi
{
    public Task<byte[]> GetOrderAsync(string amazonOrderId, CancellationToken cancellationToken) =>
        GetAsync($"orders/v0/orders/{Uri.EscapeDataString(amazonOrderId)}", "getOrder", cancellationToken);

    public Task<byte[]> GetOrderItemsAsync(string amazonOrderId, CancellationToken cancellationToken) =>
        GetAsync($"orders/v0/orders/{Uri.EscapeDataString(amazonOrderId)}/orderItems", "getOrderItems", cancellationToken);

    private async Task<byte[]> GetAsync(string path, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await BackOfficeHttp.SendAsync(http, request, BackOfficeSystems.Amazon, operation, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }
}
