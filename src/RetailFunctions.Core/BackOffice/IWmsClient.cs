namespace RetailFunctions.Core.BackOffice;

/// <summary>The warehouse: takes fulfilment requests; shipments come back later as signed callbacks.</summary>
public interface IWmsClient
{
    Task RequestFulfilmentAsync(FulfilmentRequest request, string idempotencyKey, CancellationToken cancellationToken);
}

public sealed record FulfilmentRequest(string OrderKey, string Channel, string ChannelOrderId, string Site, IReadOnlyList<FulfilmentLine> Lines);

public sealed record FulfilmentLine(string Sku, int Quantity);
