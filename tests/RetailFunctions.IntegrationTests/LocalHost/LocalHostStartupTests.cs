using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.LocalHost;

/// <summary>
/// The host takes work only once its Durable side is ready. The fixture app's startup is slowed down as the retail
/// app's seeders slow it: the host starts its web server, which serves the Durable sidecar, only after every hosted
/// service has started, and trigger listeners that polled in the meantime failed "connection refused".
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalHostStartupTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string> SlowStartup = new() { ["FixtureStartupDelay"] = "00:00:03" };

    [Fact]
    public async Task QueueTrigger_message_waiting_at_start_starts_its_orchestration_on_the_first_attempt()
    {
        var logTable = FixtureHost.UniqueName("log");
        var instanceId = FixtureHost.UniqueName("start");
        var queue = new QueueClient(azurite.ConnectionString, "fixture-start", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(instanceId);

        await using var host = await FixtureHost.StartAsync(azurite, logTable, FixtureHost.UniqueName("hub"), extra: SlowStartup);
        var poison = new QueueClient(azurite.ConnectionString, "fixture-start-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var status = await Eventually.GetAsync(
            async () => await IsPoisonedAsync(poison, instanceId) ? "Poisoned" : await FinalStatusAsync(host, instanceId),
            TimeSpan.FromSeconds(40),
            "the orchestration started from the queue to finish");

        Assert.Equal("Completed", status);
        var attempts = (await FixtureHost.InvocationsAsync(azurite, logTable, "StartFromQueue")).Where(d => d.StartsWith(instanceId, StringComparison.Ordinal));
        Assert.Equal([$"{instanceId}#1"], attempts);
    }

    private static async Task<bool> IsPoisonedAsync(QueueClient poison, string instanceId) =>
        await poison.ExistsAsync() && (await poison.PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString() == instanceId);

    private static async Task<string?> FinalStatusAsync(ServiceProcess host, string instanceId)
    {
        using var response = await host.Client.GetAsync($"api/countdown/{instanceId}");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var status = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
        return status is "Completed" or "Failed" ? status : null;
    }
}
