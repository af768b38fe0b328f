using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RetailFunctions.Cli.Output;
using RetailFunctions.Core.Serialization;
using RetailFunctions.Infrastructure.Audit;

namespace RetailFunctions.Cli.Audit;

/// <summary><c>retail audit list [--json] [--limit n]</c>: operator actions, newest first, from the fabric's audit table.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var limit = CommonOptions.Limit();
        var connection = CommonOptions.Connection();
        var list = new Command("list", "List operator actions (replay, retry, purge, mapping changes), newest first.") { json, limit, connection };
        list.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var entries = await new TableAuditTrail(CliStorage.Clients(parse.GetRequiredValue(connection))).ListAsync(parse.GetValue(limit), cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(entries, SafetyNetJson.Default.IReadOnlyListAuditEntry));
            }
            else
            {
                await TextTable.WriteAsync(output, ["AT", "OPERATOR", "ACTION", "SUBJECT", "BEFORE", "AFTER"],
                    entries.Select(e => (IReadOnlyList<string>)[
                        e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture), e.Operator, e.Action, e.Subject, e.Before ?? "-", e.After ?? "-"]));
            }

            return ExitCodes.Ok;
        }));
        return new Command("audit", "The audit trail of operator actions.") { list };
    }
}
