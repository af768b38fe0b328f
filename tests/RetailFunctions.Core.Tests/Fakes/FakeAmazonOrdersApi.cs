using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Core.Tests.Fakes;

/// <summary>Serves canned SP-API responses per order id and counts the calls; unknown ids fail like a 404.</summary>
internal sealed class FakeAmazonOrdersApi : IAmazonOrdersApi
{
    private readonly Dictionary<string, (byte[] Order, byte[] Items)> _orders = [];

    public List<string> Calls { get; } = [];

    public FakeAmazonOrdersApi With(string amazonOrderId, byte[] order, byte[] items)
    {
        _orders[amazonOrderId] = (order, items);
        return this;
    }

    public Task<byte[]> GetOrderAsync(string amazonOrderId, CancellationToken cancellationToken)
    {
        Calls.Add($"getOrder {amazonOrderId}");
        return Task.FromResult(Find(amazonOrderId).Order);
    }

    public Task<byte[]> GetOrderItemsAsync(string amazonOrderId, CancellationToken cancellationToken)
    {
        Calls.Add($"getOrderItems {amazonOrderId}");
        return Task.FromResult(Find(amazonOrderId).Items);
    }

    private (byte[] Order, byte[] Items) Find(string amazonOrderId) =>
        _orders.TryGetValue(amazonOrderId, out var order)
            ? order
            : throw new HttpRequestException($"SP-API answered 404 for order {amazonOrderId}.", null, System.Net.HttpStatusCode.NotFound);
}
