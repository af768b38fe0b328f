using System.CommandLine;
using System.Text.Json;
using RetailFunctions.Cli.Output;
using RetailFunctions.Core.Settlements;

namespace RetailFunctions.Cli.Settlements;

/// <summary>
/// <c>retail settlement parse --channel &lt;c&gt; &lt;file&gt;</c>: one JSON summary on stdout and exit 0, or the
/// malformed line on stderr and exit 2. Unknown types and a total that the lines do not add up to are warned on stderr.
/// </summary>
internal static class SettlementParseCommand
{
    public static Command Create()
    {
        var channel = new Option<string>("--channel", "-c")
        {
            Description = "Channel whose format the file is in.",
            Required = true,
        };
        channel.AcceptOnlyFromAmong([.. SettlementParsers.Channels]);
        var file = new Argument<FileInfo>("file") { Description = "Settlement file to parse." };

        var command = new Command("parse", "Parse a settlement file and print its summary as JSON.") { channel, file };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(channel),
            parseResult.GetRequiredValue(file),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string channel, FileInfo file, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        SettlementSummary summary;
        try
        {
            await using var stream = new FileStream(
                file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
            summary = await SettlementSummaryBuilder.SummariseAsync(SettlementParsers.For(channel), stream, cancellationToken);
        }
        catch (SettlementFormatException exception)
        {
            await error.WriteLineAsync($"{file.Name}: malformed {channel} settlement file: {exception.Message}");
            return ExitCodes.MalformedInput;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"{file.Name}: cannot read the file: {exception.Message}");
            return ExitCodes.Usage;
        }

        await output.WriteLineAsync(JsonSerializer.Serialize(SettlementParseOutput.From(summary), CliJson.Default.SettlementParseOutput));
        await WarnAsync(summary, error);
        return ExitCodes.Ok;
    }

    private static async Task WarnAsync(SettlementSummary summary, TextWriter error)
    {
        foreach (var (rawType, count) in summary.UnmappedTypes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            await error.WriteLineAsync($"warning: {count} line(s) of unknown type '{rawType}' counted as other");
        }

        if (!summary.IsBalanced)
        {
            await error.WriteLineAsync(
                $"warning: lines add up to {summary.LinesTotal} but the file's total is {summary.TotalAmount} (difference {summary.Difference})");
        }
    }
}
