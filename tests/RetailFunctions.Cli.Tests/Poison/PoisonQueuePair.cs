using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace RetailFunctions.Cli.Tests.Poison;

/// <summary>A fresh queue and its poison queue on the tests' Azurite, filled the way the function host fills them.</summary>
internal sealed class PoisonQueuePair(string connectionString)
{
    public string Name { get; } = "ops-" + Guid.NewGuid().ToString("N")[..16];

    public string PoisonName => Name + "-poison";

    // The host writes base64 (the Functions queue default); reading raw shows the exact stored text.
    public QueueClient Poison => new(connectionString, PoisonName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public QueueClient Source => new(connectionString, Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public async Task<List<string>> PoisonAsync(params string[] bodies)
    {
        await Poison.CreateIfNotExistsAsync();
        await Source.CreateIfNotExistsAsync();
        var ids = new List<string>();
        foreach (var body in bodies)
        {
            ids.Add((await Poison.SendMessageAsync(body)).Value.MessageId);
        }

        return ids;
    }

    public Task<List<string>> StoredInPoisonAsync() => StoredAsync(PoisonName);

    public Task<List<string>> StoredInSourceAsync() => StoredAsync(Name);

    public Task<List<string>> BodiesInSourceAsync() => BodiesAsync(Source);

    private async Task<List<string>> StoredAsync(string queue) =>
        await BodiesAsync(new QueueClient(connectionString, queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }));

    private static async Task<List<string>> BodiesAsync(QueueClient queue)
    {
        var bodies = new List<string>();
        var held = new List<QueueMessage>();
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(20))).Value is { Length: > 0 } batch)
        {
            held.AddRange(batch);
        }

        foreach (var message in held)
        {
            bodies.Add(message.MessageText);
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }

        return bodies;
    }
}
