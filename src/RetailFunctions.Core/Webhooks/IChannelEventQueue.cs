namespace RetailFunctions.Core.Webhooks;

/// <summary>The <c>channel-events</c> queue that links the webhook gate to order ingestion.</summary>
public interface IChannelEventQueue
{
    public const string QueueName = "channel-events";

    Task EnqueueAsync(ChannelEventEnvelope envelope, CancellationToken cancellationToken);
}
