using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RetailFunctions.Cli.Output;

namespace RetailFunctions.Cli.Poison;

/// <summary><c>retail poison list [--json]</c>: every <c>*-poison</c> queue with its message count.</summary>
internal static class PoisonListCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var connection = CommonOptions.Connection();
        var command = new Command("list", "List the poison queues and how many messages each holds.") { json, connection };
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var queues = await new PoisonQueues(parse.GetRequiredValue(connection)).ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(queues, CliJson.Default.IReadOnlyListPoisonQueueSummary));
            }
            else
            {
                await TextTable.WriteAsync(output, ["QUEUE", "MESSAGES", "REPLAYS TO"],
                    queues.Select(q => (IReadOnlyList<string>)[q.Queue, q.Messages.ToString(CultureInfo.InvariantCulture), q.SourceQueue]));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
