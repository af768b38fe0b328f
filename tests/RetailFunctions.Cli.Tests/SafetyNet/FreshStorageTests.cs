using System.Text.Json;
using Azure.Data.Tables;
using RetailFunctions.Cli.Tests.Hosting;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.Cli.Tests.SafetyNet;

/// <summary>
/// <c>retail audit list</c> and <c>retail sla breaches</c> before the fabric ever ran: the tables do not exist, and the
/// commands still answer with an empty table or <c>[]</c>.
/// </summary>
[Collection(SafetyNetTables.Name)]
public sealed class FreshStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("audit", "audit", "list")]
    [InlineData("slabreaches", "sla", "breaches")]
    public async Task Json_tableMissing_printsEmptyArray(string table, params string[] command)
    {
        // Arrange: another test may share this Azurite (RETAIL_TEST_STORAGE); drop the table to be sure it is missing.
        await new TableServiceClient(azurite.ConnectionString).DeleteTableAsync(table);

        // Act
        var result = await CliProcess.RunAsync([.. command, "--json", "--connection", azurite.ConnectionString]);

        // Assert
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(result.Output).RootElement.ValueKind);
        Assert.Empty(JsonDocument.Parse(result.Output).RootElement.EnumerateArray());
    }

    [Theory]
    [InlineData("AT", "audit", "list")]
    [InlineData("DETECTED", "sla", "breaches")]
    public async Task Table_nothingYet_printsHeaderOnly(string firstColumn, params string[] command)
    {
        // Act
        var result = await CliProcess.RunAsync(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString }, command);

        // Assert
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith(firstColumn, result.Output, StringComparison.Ordinal);
    }
}
