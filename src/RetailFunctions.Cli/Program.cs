using System.CommandLine;
using RetailFunctions.Cli.Settlements;

var root = new RootCommand("RetailFunctions operator CLI.")
{
    SettlementCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
