using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using RetailFunctions.Cli.Audit;
using RetailFunctions.Cli.Output;
using RetailFunctions.Core.Audit;

namespace RetailFunctions.Cli.Poison;

/// <summary>
/// <c>retail poison replay &lt;queue&gt; (&lt;messageId&gt; | --all) [--json]</c>: moves messages from <c>&lt;queue&gt;-poison</c> back
/// to <c>&lt;queue&gt;</c> unchanged. Each is sent before it is deleted, so an interrupted replay may duplicate a
/// message (the handlers are idempotent) but never loses one. <c>--all</c> takes the messages there when it starts;
/// one that fails again meanwhile and lands in the poison queue anew is left there, so a replay always ends.
/// </summary>
internal static class PoisonReplayCommand
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    public static Command Create()
    {
        var (command, selection) = PoisonSelection.Command("replay", "Move poison messages back to their queue, unchanged.");
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var (sourceName, poisonName) = PoisonQueues.Pair(parse.GetRequiredValue(selection.Queue));
            var queues = new PoisonQueues(parse.GetRequiredValue(selection.Connection));
            var id = parse.GetValue(selection.MessageId);
            var result = await ReplayAsync(queues.Queue(poisonName), queues.Queue(sourceName), id, cancellationToken);
            if (id is not null && result.Replayed == 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"not found: no message {id} in {poisonName}");
                return ExitCodes.NotFound;
            }

            if (result.Replayed > 0)
            {
                await CliAudit.RecordAsync(
                    parse.GetRequiredValue(selection.Connection), parse.GetRequiredValue(selection.Operator), AuditActions.PoisonReplay, poisonName,
                    new JsonObject { ["queue"] = poisonName, ["messages"] = result.Replayed + result.LeftInPoison },
                    new JsonObject { ["queue"] = poisonName, ["messages"] = result.LeftInPoison, ["replayedTo"] = sourceName, ["replayedMessageIds"] = new JsonArray([.. result.MessageIds.Select(id => (JsonNode?)id)]) },
                    cancellationToken);
            }

            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync(parse.GetValue(selection.Json)
                ? JsonSerializer.Serialize(result, CliJson.Default.PoisonReplayResult)
                : $"replayed {result.Replayed} message(s) from {result.Queue} to {result.TargetQueue}; {result.LeftInPoison} left in {result.Queue}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<PoisonReplayResult> ReplayAsync(QueueClient poison, QueueClient target, string? messageId, CancellationToken cancellationToken)
    {
        var held = await PoisonQueues.ReceiveAllAsync(poison, Hold, cancellationToken);
        var replayed = new List<string>();
        try
        {
            foreach (var message in held)
            {
                if (messageId is not null && message.MessageId != messageId)
                {
                    continue;
                }

                await target.SendMessageAsync(message.MessageText, cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                replayed.Add(message.MessageId);
            }
        }
        finally
        {
            await PoisonQueues.ReleaseAsync(poison, held.Where(m => !replayed.Contains(m.MessageId)));
        }

        return new PoisonReplayResult(poison.Name, target.Name, replayed.Count, held.Count - replayed.Count, replayed);
    }
}
