namespace RetailFunctions.Core.BackOffice;

/// <summary>
/// The SP-API Orders operations ingestion needs: ORDER_CHANGE notifications carry too little to map an order.
/// Both return the raw JSON response body (<c>{"payload":{...}}</c>) for the Amazon mapper.
/// </summary>
public interface IAmazonOrdersApi
{
    Task<byte[]> GetOrderAsync(string amazonOrderId, CancellationToken cancellationToken);

    Task<byte[]> GetOrderItemsAsync(string amazonOrderId, CancellationToken cancellationToken);
}
