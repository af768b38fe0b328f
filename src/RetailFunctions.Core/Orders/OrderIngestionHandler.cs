using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Telemetry;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Orders;

/// <summary>
/// Order ingestion (DESIGN §1.2): fetches the archived body named by the envelope and hands it to its channel's
/// handler. Exceptions propagate so the queue retries and finally parks the message in the poison queue.
/// </summary>
public sealed partial class OrderIngestionHandler(
    IRawWebhookArchive archive,
    IEnumerable<IChannelEventHandler> handlers,
    ILogger<OrderIngestionHandler> logger)
{
    private readonly Dictionary<string, IChannelEventHandler> _handlers =
        handlers.ToDictionary(h => h.Channel, StringComparer.OrdinalIgnoreCase);

    public async Task HandleAsync(ChannelEventEnvelope envelope, IOrderWorkflow workflow, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(envelope.Channel, out var handler))
        {
            throw new InvalidOperationException($"No ingestion handler is registered for channel '{envelope.Channel}'.");
        }

        using var trace = RetailActivity.Continue("OrderIngestion", envelope.TraceParent, ActivityKind.Consumer);
        var body = await archive.ReadAsync(envelope.BlobPath, cancellationToken);
        await handler.HandleAsync(envelope, body, workflow, cancellationToken);
        LogIngested(envelope.Channel, envelope.EventId, envelope.Topic);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel event {Channel} {EventId} ({Topic}) ingested")]
    private partial void LogIngested(string channel, string eventId, string topic);
}
