namespace RetailFunctions.Core.BackOffice;

/// <summary>What the fabric tells a sales channel about one of its orders. One implementation per channel.</summary>
public interface IChannelOrderApi
{
    string Channel { get; }

    Task AcknowledgeAsync(string channelOrderId, string idempotencyKey, CancellationToken cancellationToken);

    Task ConfirmCancellationAsync(string channelOrderId, string idempotencyKey, CancellationToken cancellationToken);

    Task PushTrackingAsync(string channelOrderId, TrackingUpdate tracking, string idempotencyKey, CancellationToken cancellationToken);
}

public sealed record TrackingUpdate(string Carrier, string TrackingNumber, string? TrackingUrl, DateTimeOffset ShippedAt, IReadOnlyList<FulfilmentLine> Lines);
