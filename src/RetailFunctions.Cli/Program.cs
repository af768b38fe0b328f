using System.CommandLine;
using RetailFunctions.Cli.Demo;
using RetailFunctions.Cli.Orders;
using RetailFunctions.Cli.Poison;
using RetailFunctions.Cli.Settlements;

var root = new RootCommand("RetailFunctions operator CLI.")
{
    SettlementCommand.Create(),
    PoisonCommand.Create(),
    OrdersCommand.Create(),
    DemoCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
