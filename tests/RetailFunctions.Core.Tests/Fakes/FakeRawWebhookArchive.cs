using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.Fakes;

internal sealed class FakeRawWebhookArchive : IRawWebhookArchive
{
    public Dictionary<string, byte[]> Bodies { get; } = [];

    public string PathFor(string channel, string eventId, DateTimeOffset receivedAt) => $"raw-webhooks/{channel}/{receivedAt:yyyy/MM/dd}/{eventId}.json";

    public Task SaveAsync(string path, ReadOnlyMemory<byte> body, string topic, CancellationToken cancellationToken)
    {
        Bodies[path] = body.ToArray();
        return Task.CompletedTask;
    }

    public Task<ReadOnlyMemory<byte>> ReadAsync(string path, CancellationToken cancellationToken) =>
        Task.FromResult<ReadOnlyMemory<byte>>(Bodies[path]);

    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        Bodies.Remove(path);
        return Task.CompletedTask;
    }
}
