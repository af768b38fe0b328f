using System.Collections.Concurrent;
using System.Net;

namespace RetailFunctions.IntegrationTests.Faults;

/// <summary>
/// Delivers webhooks as the channels do: an answer other than 2xx, or none at all (host down, storage down), is
/// retried until the fabric accepts, within a patience. Its own HTTP client to the fabric's port outlives host restarts.
/// </summary>
internal sealed class ChannelSender(int fabricPort) : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);
    private readonly HttpClient _client = new() { BaseAddress = new Uri($"http://127.0.0.1:{fabricPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentDictionary<HttpStatusCode, int> _answers = new();
    private int _unanswered;

    /// <summary>How often the fabric answered each status (202 accepted, 200 duplicate, 5xx while it was down...).</summary>
    public IReadOnlyDictionary<HttpStatusCode, int> Answers => _answers;

    /// <summary>Deliveries that got no answer (connection refused or timed out).</summary>
    public int Unanswered => _unanswered;

    /// <returns>The status of the delivery that was finally acknowledged: 202 (accepted) or 200 (a duplicate).</returns>
    public async Task<HttpStatusCode> DeliverAsync(OrderWebhook webhook, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var status = await TryOnceAsync(webhook);
            if (status is HttpStatusCode.Accepted or HttpStatusCode.OK)
            {
                return status.Value;
            }

            if (status is { } refused && (int)refused is >= 400 and < 500 and not 408 and not 429)
            {
                throw new InvalidOperationException($"The fabric refused the {webhook.Channel} webhook of order {webhook.OrderId} with {(int)refused}.");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The fabric did not acknowledge the {webhook.Channel} webhook of order {webhook.OrderId} within {patience.TotalSeconds:0} s (last answer: {status?.ToString() ?? "none"}).");
            }

            await Task.Delay(RetryDelay);
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task<HttpStatusCode?> TryOnceAsync(OrderWebhook webhook)
    {
        try
        {
            using var request = webhook.NewRequest();
            using var response = await _client.SendAsync(request);
            _answers.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
            return response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _unanswered);
            return null;
        }
    }
}
