using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.LocalHost;

[Collection(AzuriteCollection.Name)]
public sealed class LocalHostRestartTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task BlobTrigger_handles_each_version_once_and_not_again_after_a_restart()
    {
        var logTable = FixtureHost.UniqueName("log");
        var hub = FixtureHost.UniqueName("hub");
        var container = new BlobContainerClient(azurite.ConnectionString, "fixture-blobs");
        await container.CreateIfNotExistsAsync();
        var name = $"{Guid.NewGuid():N}.txt";
        var blob = container.GetBlobClient($"inbox/{name}");

        await using (var host = await FixtureHost.StartAsync(azurite, logTable, hub))
        {
            await blob.UploadAsync(BinaryData.FromString("v1"));
            await WaitForInvocationsAsync(logTable, name, 1);
            await blob.UploadAsync(BinaryData.FromString("v2"), overwrite: true);
            await WaitForInvocationsAsync(logTable, name, 2);
        }

        await using (var restarted = await FixtureHost.StartAsync(azurite, logTable, hub))
        {
            // Several scan cycles of the restarted host (one per second) must find nothing new.
            await Task.Delay(TimeSpan.FromSeconds(4));
        }

        var seen = await InvocationsForAsync(logTable, name);
        Assert.Equal([$"inbox/{name}:v1", $"inbox/{name}:v2"], seen.Order());
    }

    [Fact]
    public async Task Orchestration_completes_after_the_host_is_killed_mid_run()
    {
        var logTable = FixtureHost.UniqueName("log");
        var hub = FixtureHost.UniqueName("hub");
        string instanceId;
        var host = await FixtureHost.StartAsync(azurite, logTable, hub);
        try
        {
            using var started = await host.Client.PostAsync("api/countdown/12", null);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()!;
            await Eventually.GetAsync(
                async () => (await FixtureHost.InvocationsAsync(azurite, logTable, "Stamp")).Contains("before") ? "seen" : null,
                TimeSpan.FromSeconds(60),
                "the first activity of the orchestration");
            // Kill while the orchestration waits on its durable timer: the state a restart must resume from. (A kill
            // inside an episode is recovered too, but only after the provider's queue visibility timeouts.)
            await Task.Delay(TimeSpan.FromSeconds(4));
        }
        finally
        {
            await host.KillAsync();
        }

        await using var restarted = await FixtureHost.StartAsync(azurite, logTable, hub, host.Port);
        JsonHolder status;
        try
        {
            status = await Eventually.GetAsync(
                async () =>
                {
                    var state = await restarted.Client.GetFromJsonAsync<JsonElement>($"api/countdown/{instanceId}");
                    return state.GetProperty("status").GetString() is "Completed" or "Failed" ? new JsonHolder(state) : null;
                },
                TimeSpan.FromSeconds(180),
                "the orchestration to finish after the restart");
        }
        catch (TimeoutException ex)
        {
            File.WriteAllText(Path.Combine(Path.GetTempPath(), $"restart-{instanceId}.log"), restarted.Transcript);
            throw new TimeoutException($"{ex.Message} Restarted host's output: {Path.Combine(Path.GetTempPath(), $"restart-{instanceId}.log")}", ex);
        }

        Assert.Equal("Completed", status.Value.GetProperty("status").GetString());
        Assert.Equal("\"before|after\"", status.Value.GetProperty("output").GetString());
        Assert.Contains("after", await FixtureHost.InvocationsAsync(azurite, logTable, "Stamp"));
    }

    private sealed record JsonHolder(JsonElement Value);

    private async Task WaitForInvocationsAsync(string logTable, string name, int count) =>
        await Eventually.GetAsync(
            async () => (await InvocationsForAsync(logTable, name)).Count >= count ? "done" : null,
            TimeSpan.FromSeconds(20),
            $"{count} blob trigger invocations");

    private async Task<List<string>> InvocationsForAsync(string logTable, string name) =>
        (await FixtureHost.InvocationsAsync(azurite, logTable, "BlobWatcher")).Where(d => d.Contains(name, StringComparison.Ordinal)).ToList();
}
