using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Simulators.Wms;

/// <summary>
/// Sends each shipment to the fabric when it is due, signed with <c>X-Retail-Signature</c>, retrying with exponential
/// backoff as a WMS's webhook delivery does. Each attempt is signed afresh so a late retry is not refused as stale.
/// </summary>
public sealed partial class ShipmentCallbackDispatcher(
    WmsState state,
    IHttpClientFactory httpClients,
    IOptions<WmsOptions> options,
    IOptions<WmsCallbackSecretOptions> secret,
    TimeProvider time,
    ILogger<ShipmentCallbackDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "fabric-callbacks";

    private readonly Channel<ShipmentDelivery> _due = Channel.CreateUnbounded<ShipmentDelivery>();

    public void Schedule(ShipmentDelivery delivery) => _due.Writer.TryWrite(delivery);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inFlight = new List<Task>();
        try
        {
            await foreach (var delivery in _due.Reader.ReadAllAsync(stoppingToken))
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                inFlight.Add(DeliverAsync(delivery, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: pending deliveries are abandoned with the process, as a restarted WMS would resend them.
        }

        await Task.WhenAll(inFlight);
    }

    private async Task DeliverAsync(ShipmentDelivery delivery, CancellationToken stoppingToken)
    {
        var callback = delivery.Callback;
        var body = JsonSerializer.SerializeToUtf8Bytes(callback, SimulatorJson.Default.WmsShipmentCallback);
        var settings = options.Value;
        var target = new Uri(settings.FabricBaseUrl, "/api/callbacks/shipments/wms");
        try
        {
            var wait = delivery.DueAt - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            for (var attempt = 1; attempt <= settings.CallbackMaxAttempts; attempt++)
            {
                var status = await SendAsync(target, body, stoppingToken);
                if (status is >= 200 and < 300)
                {
                    state.RecordAttempt(callback.ShipmentId, DeliveryStatus.Delivered, status);
                    LogDelivered(callback.ShipmentId, attempt);
                    return;
                }

                var retryable = status is null or 408 or 429 or >= 500;
                var outcome = !retryable ? DeliveryStatus.Rejected : attempt == settings.CallbackMaxAttempts ? DeliveryStatus.Failed : DeliveryStatus.Retrying;
                state.RecordAttempt(callback.ShipmentId, outcome, status);
                if (outcome != DeliveryStatus.Retrying)
                {
                    LogGaveUp(callback.ShipmentId, attempt, status, outcome);
                    return;
                }

                LogRetrying(callback.ShipmentId, attempt, status);
                await Task.Delay(Backoff(settings, attempt), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; see ExecuteAsync.
        }
    }

    /// <returns>The fabric's status code, or null when it could not be reached.</returns>
    private async Task<int?> SendAsync(Uri target, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(RetailSignature.HeaderName, RetailSignature.Create(body, secret.Value.Secret, time.GetUtcNow()));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(ex.HttpRequestError);
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (int)HttpStatusCode.RequestTimeout;
        }
    }

    private static TimeSpan Backoff(WmsOptions settings, int attempt) =>
        TimeSpan.FromTicks(Math.Min(settings.CallbackMaxDelay.Ticks, settings.CallbackBaseDelay.Ticks * (1L << Math.Min(attempt - 1, 20))));

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment {ShipmentId} delivered to the fabric on attempt {Attempt}")]
    private partial void LogDelivered(string shipmentId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shipment {ShipmentId} callback attempt {Attempt} failed with {Status}; retrying")]
    private partial void LogRetrying(string shipmentId, int attempt, int? status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shipment {ShipmentId} callback given up after attempt {Attempt} (last status {Status}): {Outcome}")]
    private partial void LogGaveUp(string shipmentId, int attempt, int? status, DeliveryStatus outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fabric unreachable for a shipment callback ({Error})")]
    private partial void LogUnreachable(HttpRequestError error);
}
