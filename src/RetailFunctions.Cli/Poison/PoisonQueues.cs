using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace RetailFunctions.Cli.Poison;

/// <summary>
/// The <c>*-poison</c> queues of a storage account. Messages are read and written as stored (no base64 decoding on
/// the way), so a replayed message is byte for byte what the function host put there.
/// </summary>
internal sealed class PoisonQueues(string connectionString)
{
    public const string Suffix = "-poison";

    private readonly QueueServiceClient _service = new(connectionString, new QueueClientOptions
    {
        MessageEncoding = QueueMessageEncoding.None,
        // An operator waiting at a prompt wants a quick "cannot reach storage", not a minute of retries.
        Retry = { MaxRetries = 2, NetworkTimeout = TimeSpan.FromSeconds(10) },
    });

    /// <summary><c>channel-events</c> and <c>channel-events-poison</c> both name the pair.</summary>
    public static (string Source, string Poison) Pair(string queue)
    {
        var source = queue.EndsWith(Suffix, StringComparison.Ordinal) ? queue[..^Suffix.Length] : queue;
        return (source, source + Suffix);
    }

    public QueueClient Queue(string name) => _service.GetQueueClient(name);

    public async Task<IReadOnlyList<PoisonQueueSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<PoisonQueueSummary>();
        await foreach (var queue in _service.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            if (queue.Name.EndsWith(Suffix, StringComparison.Ordinal))
            {
                var properties = await Queue(queue.Name).GetPropertiesAsync(cancellationToken);
                summaries.Add(new PoisonQueueSummary(queue.Name, Pair(queue.Name).Source, properties.Value.ApproximateMessagesCount));
            }
        }

        return summaries;
    }

    /// <summary>
    /// Takes every message of the queue out of sight for <paramref name="hold"/> (a peek sees only the first 32), so
    /// the caller can act on some and must give the rest back with <see cref="ReleaseAsync"/>.
    /// </summary>
    public static async Task<List<QueueMessage>> ReceiveAllAsync(QueueClient queue, TimeSpan hold, CancellationToken cancellationToken)
    {
        var messages = new List<QueueMessage>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, hold, cancellationToken)).Value;
            if (batch.Length == 0)
            {
                return messages;
            }

            messages.AddRange(batch);
        }
    }

    public static async Task ReleaseAsync(QueueClient queue, IEnumerable<QueueMessage> messages) =>
        await Task.WhenAll(messages.Select(m => queue.UpdateMessageAsync(m.MessageId, m.PopReceipt, visibilityTimeout: TimeSpan.Zero)));
}
