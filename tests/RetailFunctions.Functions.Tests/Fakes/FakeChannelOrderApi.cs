using System.Collections.Concurrent;
using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Functions.Tests.Fakes;

/// <summary>Keeps every call, repeats included, so a test can tell a second push from an idempotent one.</summary>
internal sealed class FakeChannelOrderApi(string channel) : IChannelOrderApi
{
    public string Channel => channel;

    public ConcurrentQueue<string> Acknowledged { get; } = new();

    public ConcurrentQueue<string> CancellationsConfirmed { get; } = new();

    public ConcurrentQueue<(string ChannelOrderId, TrackingUpdate Tracking, string IdempotencyKey)> TrackingPushed { get; } = new();

    public Task AcknowledgeAsync(string channelOrderId, string idempotencyKey, CancellationToken cancellationToken)
    {
        Acknowledged.Enqueue(channelOrderId);
        return Task.CompletedTask;
    }

    public Task ConfirmCancellationAsync(string channelOrderId, string idempotencyKey, CancellationToken cancellationToken)
    {
        CancellationsConfirmed.Enqueue(channelOrderId);
        return Task.CompletedTask;
    }

    public Task PushTrackingAsync(string channelOrderId, TrackingUpdate tracking, string idempotencyKey, CancellationToken cancellationToken)
    {
        TrackingPushed.Enqueue((channelOrderId, tracking, idempotencyKey));
        return Task.CompletedTask;
    }
}
