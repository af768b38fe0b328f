using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using RetailFunctions.Cli.Audit;
using RetailFunctions.Cli.Output;
using RetailFunctions.Core.Audit;

namespace RetailFunctions.Cli.Poison;

/// <summary>
/// <c>retail poison purge &lt;queue&gt; (&lt;messageId&gt; | --all) [--yes] [--json] [--operator]</c>: deletes poison messages
/// that must never be replayed, after the operator confirms (or <c>--yes</c>). The audit entry keeps every purged body,
/// so a purge can be undone by hand.
/// </summary>
internal static class PoisonPurgeCommand
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    public static Command Create()
    {
        var (command, selection) = PoisonSelection.Command("purge", "Delete poison messages for good (recorded in the audit trail with their bodies).");
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation (scripts)." };
        command.Options.Add(yes);
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var (_, poisonName) = PoisonQueues.Pair(parse.GetRequiredValue(selection.Queue));
            var poison = new PoisonQueues(parse.GetRequiredValue(selection.Connection)).Queue(poisonName);
            var id = parse.GetValue(selection.MessageId);
            var what = id is null ? $"every message in {poisonName}" : $"message {id} of {poisonName}";
            if (!parse.GetValue(yes) && !await ConfirmAsync(what, parse.InvocationConfiguration.Error))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("purge cancelled: nothing deleted (--yes skips the question)");
                return ExitCodes.Usage;
            }

            var (purged, left) = await PurgeAsync(poison, id, cancellationToken);
            if (id is not null && purged.Count == 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"not found: no message {id} in {poisonName}");
                return ExitCodes.NotFound;
            }

            if (purged.Count > 0)
            {
                await CliAudit.RecordAsync(
                    parse.GetRequiredValue(selection.Connection), parse.GetRequiredValue(selection.Operator), AuditActions.PoisonPurge, poisonName,
                    new JsonObject { ["queue"] = poisonName, ["messages"] = purged.Count + left, ["purged"] = new JsonArray([.. purged.Select(p => (JsonNode?)JsonSerializer.SerializeToNode(p, CliJson.Default.PoisonMessageView))]) },
                    new JsonObject { ["queue"] = poisonName, ["messages"] = left },
                    cancellationToken);
            }

            var result = new PoisonPurgeResult(poisonName, purged.Count, left, [.. purged.Select(p => p.MessageId)]);
            await parse.InvocationConfiguration.Output.WriteLineAsync(parse.GetValue(selection.Json)
                ? JsonSerializer.Serialize(result, CliJson.Default.PoisonPurgeResult)
                : $"purged {result.Purged} message(s) from {result.Queue}; {result.LeftInPoison} left");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Asks on stderr and reads stdin: only <c>y</c> or <c>yes</c> goes ahead; no answer (closed stdin) does not.</summary>
    private static async Task<bool> ConfirmAsync(string what, TextWriter error)
    {
        await error.WriteAsync($"Delete {what} for good? [y/N] ");
        var answer = (await Console.In.ReadLineAsync())?.Trim();
        await error.WriteLineAsync();
        return answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<(List<PoisonMessageView> Purged, int Left)> PurgeAsync(QueueClient poison, string? messageId, CancellationToken cancellationToken)
    {
        var held = await PoisonQueues.ReceiveAllAsync(poison, Hold, cancellationToken);
        var purged = new List<PoisonMessageView>();
        try
        {
            foreach (var message in held.Where(m => messageId is null || m.MessageId == messageId))
            {
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                purged.Add(PoisonMessageView.From(poison.Name, message));
            }
        }
        finally
        {
            await PoisonQueues.ReleaseAsync(poison, held.Where(m => purged.All(p => p.MessageId != m.MessageId)));
        }

        return (purged, held.Count - purged.Count);
    }
}

internal sealed record PoisonPurgeResult(string Queue, int Purged, int LeftInPoison, IReadOnlyList<string> MessageIds);
