using System.Collections.Concurrent;
using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Functions.Tests.Fakes;

/// <summary>Keeps every call, repeats included, so a test can tell a second push from an idempotent one.</summary>
internal sealed class FakeChannelOrderApi(string channel) : IChannelOrderApi
{
    private int _throttledLeft;
    private TimeSpan _retryAfter;

    public string Channel => channel;

    /// <summary>When each acknowledgement was attempted, and whether inside a <see cref="RetryLaterScope"/>.</summary>
    public ConcurrentQueue<(DateTimeOffset At, bool InRetryLaterScope)> AcknowledgementAttempts { get; } = new();

    /// <summary>The next <paramref name="times"/> acknowledgements are throttled: 429 asking to come back after <paramref name="retryAfter"/>.</summary>
    public void ThrottleAcknowledgements(int times, TimeSpan retryAfter) => (_throttledLeft, _retryAfter) = (times, retryAfter);

    public ConcurrentQueue<string> Acknowledged { get; } = new();

    public ConcurrentQueue<string> CancellationsConfirmed { get; } = new();

    public ConcurrentQueue<(string ChannelOrderId, TrackingUpdate Tracking, string IdempotencyKey)> TrackingPushed { get; } = new();

    public Task AcknowledgeAsync(string channelOrderId, string idempotencyKey, CancellationToken cancellationToken)
    {
        AcknowledgementAttempts.Enqueue((DateTimeOffset.UtcNow, RetryLaterScope.IsActive));
        if (Interlocked.Decrement(ref _throttledLeft) >= 0)
        {
            throw new BackOfficeUnavailableException(channel, "acknowledge", 429, "Throttled") { RetryAfter = _retryAfter };
        }

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
