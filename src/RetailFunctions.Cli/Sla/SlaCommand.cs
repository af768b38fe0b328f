using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RetailFunctions.Cli.Output;
using RetailFunctions.Core.Serialization;
using RetailFunctions.Infrastructure.Sla;

namespace RetailFunctions.Cli.Sla;

/// <summary><c>retail sla breaches [--json] [--limit n]</c>: flows that took longer than their threshold, newest first.</summary>
internal static class SlaCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var limit = CommonOptions.Limit();
        var connection = CommonOptions.Connection();
        var breaches = new Command("breaches", "List SLA breaches: the flow, what ran late, how long it took and the threshold.") { json, limit, connection };
        breaches.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var found = await new TableSlaStore(CliStorage.Clients(parse.GetRequiredValue(connection))).BreachesAsync(parse.GetValue(limit), cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(found, SafetyNetJson.Default.IReadOnlyListSlaBreach));
            }
            else
            {
                await TextTable.WriteAsync(output, ["DETECTED", "FLOW", "SUBJECT", "ELAPSED", "THRESHOLD", "STATE"],
                    found.Select(b => (IReadOnlyList<string>)[
                        b.DetectedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                        b.Flow,
                        b.Subject,
                        b.Elapsed.ToString(@"d\.hh\:mm\:ss", CultureInfo.InvariantCulture),
                        b.Threshold.ToString(@"d\.hh\:mm\:ss", CultureInfo.InvariantCulture),
                        b.CompletedAt is null ? "running" : "completed late"]));
            }

            return ExitCodes.Ok;
        }));
        return new Command("sla", "Business service levels.") { breaches };
    }
}
