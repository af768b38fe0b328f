using System.CommandLine;
using System.Text.Json;
using Azure.Storage.Queues;
using RetailFunctions.Cli.Output;

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
        var queue = new Argument<string>("queue") { Description = "The queue to replay into, with or without the -poison suffix." };
        var messageId = new Argument<string?>("messageId") { Description = "The one message to replay.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Replay every message in the poison queue." };
        var json = CommonOptions.Json();
        var connection = CommonOptions.Connection();
        var command = new Command("replay", "Move poison messages back to their queue, unchanged.") { queue, messageId, all, json, connection };
        command.Validators.Add(result =>
        {
            if (result.GetValue(messageId) is null == !result.GetValue(all))
            {
                result.AddError("Give either a message id or --all.");
            }
        });
        command.SetAction((parse, cancellationToken) => PoisonCommand.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var (sourceName, poisonName) = PoisonQueues.Pair(parse.GetRequiredValue(queue));
            var queues = new PoisonQueues(parse.GetRequiredValue(connection));
            var id = parse.GetValue(messageId);
            var result = await ReplayAsync(queues.Queue(poisonName), queues.Queue(sourceName), id, cancellationToken);
            if (id is not null && result.Replayed == 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"not found: no message {id} in {poisonName}");
                return ExitCodes.NotFound;
            }

            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync(parse.GetValue(json)
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
