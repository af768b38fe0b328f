using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Recovery;
using RetailFunctions.Core.Telemetry;

namespace RetailFunctions.Core.Webhooks;

/// <summary>
/// The one way into the fabric for channel webhooks (DESIGN §1.1): size, content type, signature, parse,
/// dedupe, archive, enqueue. A rejected request writes nothing; a failure after the claim gives the claim
/// back so the channel's retry is accepted.
/// </summary>
public sealed partial class WebhookGate(
    IWebhookReceipts receipts,
    IRawWebhookArchive archive,
    IChannelEventQueue queue,
    IChannelWatchStore watch,
    TimeProvider time,
    IOptions<WebhookOptions> options,
    RetailMetrics metrics,
    ILogger<WebhookGate> logger)
{
    private readonly WebhookOptions _options = options.Value;

    public async Task<WebhookOutcome> AcceptAsync(IWebhookChannel channel, WebhookHttpRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var outcome = await DecideAsync(channel, request, cancellationToken);
        metrics.WebhookAcknowledged(channel.Name, outcome.Kind.ToString(), time.GetElapsedTime(started));
        if (outcome.Kind is WebhookOutcomeKind.Accepted or WebhookOutcomeKind.Duplicate)
        {
            await NoteSignOfLifeAsync(channel.Name);
        }

        return outcome;
    }

    /// <summary>
    /// Takes in an order that polling found and no webhook brought, as if its webhook had arrived: same receipts, archive,
    /// queue and ingestion. The event id names the order and its version, so polling the same order again is a duplicate.
    /// </summary>
    public Task<WebhookOutcome> AdmitRecoveredAsync(string channel, ParsedWebhook parsed, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        AdmitAsync(channel, parsed, body, null, cancellationToken);

    private async Task NoteSignOfLifeAsync(string channel)
    {
        try
        {
            await watch.RecordWebhookAsync(channel, time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The delivery is already safe; a missed sign of life at worst raises a quiet-channel alert early.
            LogSignOfLifeFailed(ex, channel);
        }
    }

    private async Task<WebhookOutcome> DecideAsync(IWebhookChannel channel, WebhookHttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > _options.MaxBodyBytes)
        {
            return Reject(channel, WebhookOutcomeKind.TooLarge, "body", $"The body exceeds {_options.MaxBodyBytes} bytes.");
        }

        if (!WebhookBody.IsJson(request.ContentType))
        {
            return Reject(channel, WebhookOutcomeKind.UnsupportedMediaType, "Content-Type", "The body must be application/json.");
        }

        var body = await WebhookBody.ReadLimitedAsync(request.Body, _options.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Reject(channel, WebhookOutcomeKind.TooLarge, "body", $"The body exceeds {_options.MaxBodyBytes} bytes.");
        }

        var payload = new WebhookPayload(request, body.Value);
        if (!channel.IsAuthentic(payload))
        {
            return Reject(channel, WebhookOutcomeKind.Unauthorized, "signature", "The signature is missing or does not match.");
        }

        ParsedWebhook parsed;
        try
        {
            parsed = channel.Parse(payload);
        }
        catch (WebhookPayloadException ex)
        {
            return Reject(channel, WebhookOutcomeKind.Malformed, ex.Field, ex.Message);
        }

        return await AdmitAsync(channel.Name, parsed, payload.Body, payload.Request.TraceParent, cancellationToken);
    }

    private async Task<WebhookOutcome> AdmitAsync(string channel, ParsedWebhook parsed, ReadOnlyMemory<byte> body, string? traceParent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var blobPath = archive.PathFor(channel, parsed.EventId, now);
        var (receipt, otherwise) = await receipts.ClaimAsync(channel, parsed.EventId, parsed.Topic, blobPath, now, _options, time, cancellationToken);
        if (receipt is null)
        {
            if (otherwise == WebhookOutcomeKind.Duplicate)
            {
                LogDuplicate(channel, parsed.EventId, parsed.Topic);
            }
            else
            {
                LogInProgress(channel, parsed.EventId, parsed.Topic);
            }

            return new WebhookOutcome(otherwise, parsed.EventId);
        }

        try
        {
            await archive.SaveAsync(blobPath, body, parsed.Topic, cancellationToken);
            await queue.EnqueueAsync(
                new ChannelEventEnvelope(channel, parsed.Topic, parsed.EventId, blobPath, traceParent, now),
                cancellationToken);
            await receipts.MarkAcceptedAsync(receipt, cancellationToken);
        }
        catch (Exception ex)
        {
            LogAdmitFailed(ex, channel, parsed.EventId);
            // Ingestion is idempotent, so a retry after a message did reach the queue is harmless;
            // losing the event because a stale claim answers "duplicate" is not.
            await receipts.ReleaseAsync(receipt, CancellationToken.None);
            throw;
        }

        LogAccepted(channel, parsed.EventId, parsed.Topic, body.Length);
        return new WebhookOutcome(WebhookOutcomeKind.Accepted, parsed.EventId);
    }

    private WebhookOutcome Reject(IWebhookChannel channel, WebhookOutcomeKind kind, string field, string detail)
    {
        LogRejected(channel.Name, kind, field);
        metrics.WebhookRejected(channel.Name, kind.ToString());
        return new WebhookOutcome(kind, Field: field, Detail: detail);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Channel} {EventId} ({Topic}) accepted, {Bytes} bytes")]
    private partial void LogAccepted(string channel, string eventId, string topic, int bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Channel} {EventId} ({Topic}) is a duplicate; nothing done")]
    private partial void LogDuplicate(string channel, string eventId, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Channel} {EventId} ({Topic}) is still being admitted by another delivery; asked to retry")]
    private partial void LogInProgress(string channel, string eventId, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Channel} rejected: {Reason} ({Field})")]
    private partial void LogRejected(string channel, WebhookOutcomeKind reason, string field);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Channel}: the channel's sign of life could not be recorded")]
    private partial void LogSignOfLifeFailed(Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {Channel} {EventId} could not be admitted; claim released for the retry")]
    private partial void LogAdmitFailed(Exception exception, string channel, string eventId);
}
