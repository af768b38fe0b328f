using System.CommandLine;
using RetailFunctions.Cli.Audit;
using RetailFunctions.Cli.Demo;
using RetailFunctions.Cli.Mappings;
using RetailFunctions.Cli.Orders;
using RetailFunctions.Cli.Poison;
using RetailFunctions.Cli.Settlements;
using RetailFunctions.Cli.Sla;

var root = new RootCommand("RetailFunctions operator CLI.")
{
    SettlementCommand.Create(),
    PoisonCommand.Create(),
    OrdersCommand.Create(),
    DemoCommand.Create(),
    AuditCommand.Create(),
    SlaCommand.Create(),
    MappingCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
