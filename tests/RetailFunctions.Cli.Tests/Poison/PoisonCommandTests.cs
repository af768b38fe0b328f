using System.Text.Json;
using RetailFunctions.Cli.Tests.Hosting;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.Cli.Tests.Poison;

/// <summary><c>retail poison list|show|replay</c> as a process against Azurite, each test on its own queue pair.</summary>
public sealed class PoisonCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Envelope = """{"channel":"shopify","topic":"orders/create","eventId":"e-1","blobPath":"shopify/2024/03/15/e-1.json","traceParent":null,"receivedAt":"2024-03-15T10:30:00+00:00"}""";

    private readonly PoisonQueuePair _queues = new(azurite.ConnectionString);

    [Fact]
    public async Task List_json_reportsEachPoisonQueueWithCountAndSource()
    {
        // Arrange
        await _queues.PoisonAsync(Envelope, Envelope);

        // Act
        var result = await CliProcess.RunAsync("poison", "list", "--json", "--connection", azurite.ConnectionString);

        // Assert
        Assert.Equal(0, result.ExitCode);
        var queue = JsonDocument.Parse(result.Output).RootElement.EnumerateArray()
            .Single(q => q.GetProperty("queue").GetString() == _queues.PoisonName);
        Assert.Equal(_queues.Name, queue.GetProperty("sourceQueue").GetString());
        Assert.Equal(2, queue.GetProperty("messages").GetInt32());
    }

    [Fact]
    public async Task List_connectionFromEnvironment_printsTable()
    {
        // Arrange
        await _queues.PoisonAsync(Envelope);

        // Act
        var result = await CliProcess.RunAsync(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString }, "poison", "list");

        // Assert
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("QUEUE", lines[0], StringComparison.Ordinal);
        Assert.Matches($@"^{_queues.PoisonName}\s+1\s+{_queues.Name}$", lines.Single(l => l.StartsWith(_queues.PoisonName, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Show_base64Message_printsDecodedBodyAndLeavesItThere()
    {
        // Arrange
        var id = (await _queues.PoisonAsync(Envelope)).Single();

        // Act
        var result = await CliProcess.RunAsync("poison", "show", _queues.Name, id, "--json", "--connection", azurite.ConnectionString);

        // Assert
        Assert.Equal(0, result.ExitCode);
        var message = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(id, message.GetProperty("messageId").GetString());
        Assert.Equal(_queues.PoisonName, message.GetProperty("queue").GetString());
        Assert.Equal("base64", message.GetProperty("encoding").GetString());
        Assert.Equal(Envelope, message.GetProperty("body").GetString());
        Assert.Single(await _queues.StoredInPoisonAsync());
    }

    [Fact]
    public async Task Show_messageBeyondFirstPeekPage_findsItAndReleasesTheRest()
    {
        // Arrange
        var ids = await _queues.PoisonAsync([.. Enumerable.Range(0, 40).Select(i => $"{{\"n\":{i}}}")]);

        // Act
        var result = await CliProcess.RunAsync("poison", "show", _queues.PoisonName, ids[^1], "--json", "--connection", azurite.ConnectionString);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"n\":39}", JsonDocument.Parse(result.Output).RootElement.GetProperty("body").GetString());
        Assert.Equal(40, (await _queues.StoredInPoisonAsync()).Count);
    }

    [Fact]
    public async Task Show_unknownMessage_exits3()
    {
        // Arrange
        await _queues.PoisonAsync(Envelope);

        // Act
        var result = await CliProcess.RunAsync("poison", "show", _queues.Name, "no-such-id", "--connection", azurite.ConnectionString);

        // Assert
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("no-such-id", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_oneMessage_movesExactlyThatMessageBackUnchanged()
    {
        // Arrange
        var ids = await _queues.PoisonAsync(Envelope, """{"other":true}""");
        var storedBefore = await _queues.StoredInPoisonAsync();

        // Act
        var result = await CliProcess.RunAsync("poison", "replay", _queues.Name, ids[0], "--json", "--connection", azurite.ConnectionString);

        // Assert
        Assert.Equal(0, result.ExitCode);
        var report = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(1, report.GetProperty("replayed").GetInt32());
        Assert.Equal(1, report.GetProperty("leftInPoison").GetInt32());
        Assert.Equal(_queues.Name, report.GetProperty("targetQueue").GetString());
        Assert.Equal([Envelope], await _queues.BodiesInSourceAsync());
        Assert.Contains(Assert.Single(await _queues.StoredInSourceAsync()), storedBefore);
        Assert.Single(await _queues.StoredInPoisonAsync());
    }

    [Fact]
    public async Task Replay_all_movesEveryMessageAndReportsTheCount()
    {
        // Arrange
        var bodies = Enumerable.Range(0, 40).Select(i => $"{{\"n\":{i}}}").ToArray();
        await _queues.PoisonAsync(bodies);

        // Act
        var result = await CliProcess.RunAsync("poison", "replay", _queues.PoisonName, "--all", "--connection", azurite.ConnectionString);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"replayed 40 message(s) from {_queues.PoisonName} to {_queues.Name}; 0 left in {_queues.PoisonName}", result.Output.Trim());
        Assert.Empty(await _queues.StoredInPoisonAsync());
        Assert.Equal(bodies.Order(StringComparer.Ordinal), (await _queues.BodiesInSourceAsync()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData]
    [InlineData("some-id", "--all")]
    public async Task Replay_neitherOrBothOfIdAndAll_exitsWithUsageError(params string[] selection)
    {
        // Act
        var result = await CliProcess.RunAsync(["poison", "replay", _queues.Name, .. selection, "--connection", azurite.ConnectionString]);

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Give either a message id or --all.", result.Error, StringComparison.Ordinal);
    }
}
