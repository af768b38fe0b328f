using System.CommandLine;
using System.Text.Json;
using RetailFunctions.Cli.Output;

namespace RetailFunctions.Cli.Poison;

/// <summary><c>retail poison show &lt;queue&gt; &lt;messageId&gt; [--json]</c>: one poison message and its body; the message stays.</summary>
internal static class PoisonShowCommand
{
    public static Command Create()
    {
        var queue = new Argument<string>("queue") { Description = "The queue, with or without the -poison suffix." };
        var messageId = new Argument<string>("messageId") { Description = "The message id, as poison list --json or the host log shows it." };
        var json = CommonOptions.Json();
        var connection = CommonOptions.Connection();
        var command = new Command("show", "Show one poison message.") { queue, messageId, json, connection };
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var (_, poisonName) = PoisonQueues.Pair(parse.GetRequiredValue(queue));
            var id = parse.GetRequiredValue(messageId);
            var message = await FindAsync(new PoisonQueues(parse.GetRequiredValue(connection)), poisonName, id, cancellationToken);
            if (message is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"not found: no message {id} in {poisonName}");
                return ExitCodes.NotFound;
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(message, CliJson.Default.PoisonMessageView));
            }
            else
            {
                await output.WriteLineAsync($"queue:         {message.Queue}");
                await output.WriteLineAsync($"message id:    {message.MessageId}");
                await output.WriteLineAsync($"inserted:      {message.InsertedOn:O}");
                await output.WriteLineAsync($"dequeue count: {message.DequeueCount}");
                await output.WriteLineAsync($"encoding:      {message.Encoding}");
                await output.WriteLineAsync();
                await output.WriteLineAsync(message.Body);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<PoisonMessageView?> FindAsync(PoisonQueues queues, string poisonName, string messageId, CancellationToken cancellationToken)
    {
        var poison = queues.Queue(poisonName);
        var peeked = (await poison.PeekMessagesAsync(32, cancellationToken)).Value;
        if (peeked.FirstOrDefault(m => m.MessageId == messageId) is { } first)
        {
            return PoisonMessageView.From(poisonName, first);
        }

        if (peeked.Length < 32)
        {
            return null;
        }

        var all = await PoisonQueues.ReceiveAllAsync(poison, TimeSpan.FromSeconds(30), cancellationToken);
        try
        {
            return all.FirstOrDefault(m => m.MessageId == messageId) is { } found ? PoisonMessageView.From(poisonName, found) : null;
        }
        finally
        {
            await PoisonQueues.ReleaseAsync(poison, all);
        }
    }
}
