namespace RetailFunctions.Core.Webhooks;

/// <summary>Raw webhook bodies, kept byte for byte in <c>raw-webhooks/{channel}/{yyyy}/{MM}/{dd}/{eventId}.json</c>.</summary>
public interface IRawWebhookArchive
{
    string PathFor(string channel, string eventId, DateTimeOffset receivedAt);

    Task SaveAsync(string path, ReadOnlyMemory<byte> body, string topic, CancellationToken cancellationToken);

    Task<ReadOnlyMemory<byte>> ReadAsync(string path, CancellationToken cancellationToken);

    Task DeleteAsync(string path, CancellationToken cancellationToken);
}
