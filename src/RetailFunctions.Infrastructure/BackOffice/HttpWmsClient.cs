using Microsoft.Extensions.Logging;
using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Infrastructure.BackOffice;

/// <summary>The WMS's <c>fulfilment-requests</c> under <c>BackOffice:Wms:BaseUrl</c>; shipments come back as signed callbacks.</summary>
public sealed class HttpWmsClient(HttpClient http, ILogger<HttpWmsClient> logger) : IWmsClient
{
    public async Task RequestFulfilmentAsync(FulfilmentRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var message = BackOfficeHttp.Json(HttpMethod.Post, "fulfilment-requests", request, BackOfficeJson.Default.FulfilmentRequest, idempotencyKey);
        await BackOfficeHttp.SendAndForgetAsync(http, message, BackOfficeSystems.Wms, "requestFulfilment", cancellationToken);
        logger.Done(BackOfficeSystems.Wms, "requestFulfilment", request.OrderKey, "accepted");
    }
}
