using System.CommandLine;

namespace RetailFunctions.Cli.Orders;

/// <summary><c>retail orders …</c>: orders as the fabric's ledger holds them.</summary>
internal static class OrdersCommand
{
    public static Command Create() => new("orders", "Orders in the fabric.")
    {
        OrdersShowCommand.Create(),
        OrdersRetryCommand.Create(),
    };
}
