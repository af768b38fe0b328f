using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.LocalHost;

[Collection(AzuriteCollection.Name)]
public sealed class LocalHostTriggerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _logTable = FixtureHost.UniqueName("log");
    private ServiceProcess _host = null!;

    public async Task InitializeAsync() => _host = await FixtureHost.StartAsync(azurite, _logTable, FixtureHost.UniqueName("hub"));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task HttpTrigger_route_and_query_are_bound()
    {
        var body = await _host.Client.GetFromJsonAsync<JsonElement>("api/echo/hello?q=world");

        Assert.Equal("hello", body.GetProperty("word").GetString());
        Assert.Equal("world", body.GetProperty("query").GetString());
    }

    [Fact]
    public async Task QueueTrigger_message_is_handled_and_its_output_binding_written()
    {
        var payload = "ping-" + Guid.NewGuid().ToString("N");
        await Queue("fixture-in").SendMessageAsync(payload);

        var relayed = await Eventually.GetAsync(
            async () => (await Queue("fixture-out").ReceiveMessagesAsync(32)).Value.FirstOrDefault(m => m.Body.ToString() == "relayed:" + payload),
            TimeSpan.FromSeconds(20),
            "the relayed message on fixture-out");

        Assert.NotNull(relayed);
        Assert.Single(await FixtureHost.InvocationsAsync(azurite, _logTable, "Relay"), d => d.StartsWith(payload, StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueueTrigger_failing_message_moves_to_poison_after_max_dequeue_count()
    {
        var payload = "fail-" + Guid.NewGuid().ToString("N");
        await Queue("fixture-in").SendMessageAsync(payload);

        var poisoned = await Eventually.GetAsync(
            async () => (await Queue("fixture-in-poison").PeekMessagesAsync(32)).Value.FirstOrDefault(m => m.Body.ToString() == payload),
            TimeSpan.FromSeconds(30),
            "the failing message in fixture-in-poison");

        Assert.NotNull(poisoned);
        var attempts = (await FixtureHost.InvocationsAsync(azurite, _logTable, "Relay")).Where(d => d.StartsWith(payload, StringComparison.Ordinal)).ToList();
        // host.json of the fixture app sets maxDequeueCount to 3.
        Assert.Equal([$"{payload}#1", $"{payload}#2", $"{payload}#3"], attempts.Order());
    }

    [Fact]
    public async Task TimerTrigger_fires_on_its_schedule()
    {
        var ticks = await Eventually.GetAsync(
            async () => await FixtureHost.InvocationsAsync(azurite, _logTable, "Ticker") is { Count: >= 3 } found ? found : null,
            TimeSpan.FromSeconds(20),
            "three timer ticks");

        Assert.True(ticks.Count >= 3);
    }

    private QueueClient Queue(string name)
    {
        var queue = new QueueClient(azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        queue.CreateIfNotExists();
        return queue;
    }
}
