using System.Text.Json.Nodes;
using RetailFunctions.Core.Audit;
using RetailFunctions.Infrastructure.Audit;
using RetailFunctions.Cli.Output;

namespace RetailFunctions.Cli.Audit;

/// <summary>Records an operator's action in the fabric's audit trail, after the action succeeded.</summary>
internal static class CliAudit
{
    public static Task RecordAsync(string connectionString, string @operator, string action, string subject, JsonNode? before, JsonNode? after, CancellationToken cancellationToken) =>
        new TableAuditTrail(CliStorage.Clients(connectionString)).AppendAsync(
            AuditEntries.New(DateTimeOffset.UtcNow, @operator, action, subject, before?.ToJsonString(), after?.ToJsonString()),
            cancellationToken);
}
