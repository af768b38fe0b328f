using System.Globalization;
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

    [Fact]
    public async Task HttpTrigger_answers_503_until_the_durable_worker_is_connected()
    {
        var port = Ports.FreeLoopbackPort();
        using var polling = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var answers = PollUntilOkAsync(port, polling.Token);
        var timestamped = new Dictionary<string, string>(SlowStartup)
        {
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fff ",
        };

        await using var host = await FixtureHost.StartAsync(azurite, FixtureHost.UniqueName("log"), FixtureHost.UniqueName("hub"), port, timestamped);
        var seen = await answers;

        // Logged by the Durable Task sidecar when the worker opens its work-item stream.
        var connectedLine = await Eventually.GetAsync(
            () => Task.FromResult(host.Transcript.Split('\n').FirstOrDefault(l => l.Contains("Received work-item connection", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(40),
            "the Durable worker to connect to the sidecar");
        var connectedAt = DateTime.ParseExact(connectedLine[..23], "yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        var firstOk = seen[^1];
        Assert.Equal(HttpStatusCode.OK, firstOk.Status);
        Assert.True(firstOk.ReceivedAt >= connectedAt, $"200 at {firstOk.ReceivedAt:O}, before the worker connected at {connectedAt:O}.");
        Assert.All(seen[..^1], a => Assert.Equal((HttpStatusCode.ServiceUnavailable, "The local fabric host is not ready"), (a.Status, a.Title)));
    }

    [Fact]
    public async Task StartAsync_durable_worker_not_connected_within_the_timeout_stops_the_host_naming_it()
    {
        // A zero timeout expires as the web server starts, before the worker (started with it) can have connected.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => FixtureHost.StartAsync(
            azurite, FixtureHost.UniqueName("log"), FixtureHost.UniqueName("hub"), extra: new Dictionary<string, string> { ["LocalHost__DurableStartTimeout"] = "00:00:00" }));

        Assert.Contains("exited with code 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("The Durable worker did not connect to the sidecar within 00:00:00 after the web server started (LocalHost:DurableStartTimeout)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopAsync_listeners_and_worker_stop_before_the_sidecar_without_errors()
    {
        await using var host = await FixtureHost.StartAsync(azurite, FixtureHost.UniqueName("log"), FixtureHost.UniqueName("hub"));
        // Timer ticks every second: a listener is busy or about to be when the host is told to stop.
        await Task.Delay(TimeSpan.FromSeconds(2));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await host.StopAsync();

        Assert.False(host.IsRunning);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The host took {clock.Elapsed} to stop.");
        Assert.DoesNotContain(host.Transcript.Split('\n'), l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal));
    }

    /// <summary>Every answer of an HTTP function from the moment the host starts listening up to its first 200.</summary>
    private static async Task<List<Answer>> PollUntilOkAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        var answers = new List<Answer>();
        while (answers.Count == 0 || answers[^1].Status != HttpStatusCode.OK)
        {
            try
            {
                using var response = await client.GetAsync("api/echo/probe", cancellationToken);
                var receivedAt = DateTime.UtcNow;
                var title = response.StatusCode == HttpStatusCode.OK ? null : (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("title").GetString();
                answers.Add(new Answer(response.StatusCode, title, receivedAt));
            }
            catch (HttpRequestException)
            {
                await Task.Delay(10, cancellationToken);
            }
        }

        return answers;
    }

    private sealed record Answer(HttpStatusCode Status, string? Title, DateTime ReceivedAt);

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
