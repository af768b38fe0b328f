using System.Text.Json;
using Azure.Data.Tables;
using RetailFunctions.Cli.Tests.Hosting;
using RetailFunctions.Cli.Tests.Poison;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.Cli.Tests.SafetyNet;

/// <summary>Operator actions through the CLI leave audit entries that <c>retail audit list</c> shows, against Azurite.</summary>
[Collection(SafetyNetTables.Name)]
public sealed class AuditCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Envelope = """{"channel":"shopify","topic":"orders/create","eventId":"e-9","blobPath":"shopify/2024/03/15/e-9.json","traceParent":null,"receivedAt":"2024-03-15T10:30:00+00:00"}""";

    [Fact]
    public async Task PoisonReplay_recordsOperatorQueueAndBeforeAfter()
    {
        // Arrange
        var queues = new PoisonQueuePair(azurite.ConnectionString);
        var ids = await queues.PoisonAsync(Envelope, """{"other":true}""");

        // Act
        var replay = await CliProcess.RunAsync("poison", "replay", queues.Name, ids[0], "--operator", "alice", "--connection", azurite.ConnectionString);
        var entry = await EntryAsync(e => e.GetProperty("subject").GetString() == queues.PoisonName);

        // Assert
        Assert.Equal(0, replay.ExitCode);
        Assert.Equal("alice", entry.GetProperty("operator").GetString());
        Assert.Equal("poison.replay", entry.GetProperty("action").GetString());
        using var before = JsonDocument.Parse(entry.GetProperty("before").GetString()!);
        using var after = JsonDocument.Parse(entry.GetProperty("after").GetString()!);
        Assert.Equal(2, before.RootElement.GetProperty("messages").GetInt32());
        Assert.Equal(1, after.RootElement.GetProperty("messages").GetInt32());
        Assert.Equal([ids[0]], after.RootElement.GetProperty("replayedMessageIds").EnumerateArray().Select(i => i.GetString()));
        Assert.True(DateTimeOffset.UtcNow - entry.GetProperty("at").GetDateTimeOffset() < TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task MappingSetSku_changesTheMappingAndRecordsBeforeAndAfter()
    {
        // Arrange
        var sku = "SKU-AUDIT-" + Guid.NewGuid().ToString("N")[..8];
        await CliProcess.RunAsync("mapping", "set-sku", "shopify", sku, "ITEM-OLD", "--operator", "bob", "--connection", azurite.ConnectionString);

        // Act
        var result = await CliProcess.RunAsync("mapping", "set-sku", "shopify", sku, "ITEM-NEW", "--operator", "bob", "--connection", azurite.ConnectionString);

        // Assert
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal($"shopify {sku}: ITEM-OLD -> ITEM-NEW", result.Output.Trim());
        var stored = await new TableClient(azurite.ConnectionString, "skumappings").GetEntityAsync<TableEntity>("shopify", sku);
        Assert.Equal("ITEM-NEW", stored.Value.GetString("ItemCode"));
        var entries = await EntriesAsync(e => e.GetProperty("subject").GetString() == $"shopify/{sku}");
        Assert.Equal(2, entries.Count);
        var change = entries[0];
        Assert.Equal("mapping.sku.set", change.GetProperty("action").GetString());
        Assert.Equal("bob", change.GetProperty("operator").GetString());
        Assert.Equal("ITEM-OLD", JsonDocument.Parse(change.GetProperty("before").GetString()!).RootElement.GetProperty("itemCode").GetString());
        Assert.Equal("ITEM-NEW", JsonDocument.Parse(change.GetProperty("after").GetString()!).RootElement.GetProperty("itemCode").GetString());
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("before").ValueKind);
    }

    [Fact]
    public async Task PoisonPurge_deletesTheMessageAndKeepsItsBodyInTheAuditTrail()
    {
        // Arrange
        var queues = new PoisonQueuePair(azurite.ConnectionString);
        var ids = await queues.PoisonAsync(Envelope);

        // Act
        var result = await CliProcess.RunAsync("poison", "purge", queues.Name, "--all", "--yes", "--json", "--operator", "carol", "--connection", azurite.ConnectionString);

        // Assert
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(1, JsonDocument.Parse(result.Output).RootElement.GetProperty("purged").GetInt32());
        Assert.Empty(await queues.StoredInPoisonAsync());
        Assert.Empty(await queues.StoredInSourceAsync());
        var entry = await EntryAsync(e => e.GetProperty("subject").GetString() == queues.PoisonName);
        Assert.Equal("poison.purge", entry.GetProperty("action").GetString());
        var purged = JsonDocument.Parse(entry.GetProperty("before").GetString()!).RootElement.GetProperty("purged").EnumerateArray().Single();
        Assert.Equal(ids[0], purged.GetProperty("messageId").GetString());
        Assert.Equal(Envelope, purged.GetProperty("body").GetString());
    }

    [Theory]
    [InlineData("no")]
    [InlineData("")]
    public async Task PoisonPurge_notConfirmed_deletesNothing(string answer)
    {
        // Arrange
        var queues = new PoisonQueuePair(azurite.ConnectionString);
        await queues.PoisonAsync(Envelope);

        // Act
        var result = await CliProcess.RunWithInputAsync(answer, "poison", "purge", queues.Name, "--all", "--operator", "carol", "--connection", azurite.ConnectionString);

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[y/N]", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing deleted", result.Error, StringComparison.Ordinal);
        Assert.Single(await queues.StoredInPoisonAsync());
        Assert.Empty(await EntriesAsync(e => e.GetProperty("subject").GetString() == queues.PoisonName));
    }

    [Fact]
    public async Task PoisonPurge_confirmedAtThePrompt_deletes()
    {
        // Arrange
        var queues = new PoisonQueuePair(azurite.ConnectionString);
        await queues.PoisonAsync(Envelope);

        // Act
        var result = await CliProcess.RunWithInputAsync("y", "poison", "purge", queues.Name, "--all", "--operator", "carol", "--connection", azurite.ConnectionString);

        // Assert
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Empty(await queues.StoredInPoisonAsync());
    }

    [Fact]
    public async Task List_table_printsHeaderAndOneLinePerEntry()
    {
        // Arrange
        var sku = "SKU-TABLE-" + Guid.NewGuid().ToString("N")[..8];
        await CliProcess.RunAsync("mapping", "set-sku", "*", sku, "ITEM-1", "--operator", "dave", "--connection", azurite.ConnectionString);

        // Act
        var result = await CliProcess.RunAsync(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString }, "audit", "list");

        // Assert
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^AT\s+OPERATOR\s+ACTION\s+SUBJECT\s+BEFORE\s+AFTER$", lines[0]);
        Assert.Contains(lines, l => l.Contains("dave", StringComparison.Ordinal) && l.Contains($"*/{sku}", StringComparison.Ordinal) && l.Contains("mapping.sku.set", StringComparison.Ordinal));
    }

    private async Task<JsonElement> EntryAsync(Func<JsonElement, bool> match) => Assert.Single(await EntriesAsync(match));

    private async Task<List<JsonElement>> EntriesAsync(Func<JsonElement, bool> match)
    {
        var result = await CliProcess.RunAsync("audit", "list", "--json", "--limit", "1000", "--connection", azurite.ConnectionString);
        Assert.True(result.ExitCode == 0, result.Error);
        return [.. JsonDocument.Parse(result.Output).RootElement.EnumerateArray().Where(match).Select(e => e.Clone())];
    }
}
