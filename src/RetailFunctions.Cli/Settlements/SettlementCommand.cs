using System.CommandLine;

namespace RetailFunctions.Cli.Settlements;

/// <summary><c>retail settlement …</c>: settlement file tools.</summary>
internal static class SettlementCommand
{
    public static Command Create() => new("settlement", "Settlement files from the channels.")
    {
        SettlementParseCommand.Create(),
    };
}
