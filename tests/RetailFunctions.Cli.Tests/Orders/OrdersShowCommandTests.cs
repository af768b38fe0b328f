using System.Text.Json;
using RetailFunctions.Cli.Tests.Hosting;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.Cli.Tests.Orders;

public sealed class OrdersShowCommandTests : IDisposable
{
    private const string Order = """
        {"channel":"shopify","channelOrderId":"5917204381726","orderNumber":"1001","status":"PartiallyShipped","currency":"USD",
         "lines":[{"sku":"SKU-1500","quantity":2},{"sku":"SKU-2001","quantity":1}],"erpOrderId":"SO-000042",
         "shipments":[{"shipmentId":"SH-1","carrier":"UPS","trackingNumber":"1Z999AA10123456784","shippedAt":"2024-03-16T09:00:00+00:00","lines":[{"sku":"SKU-1500","quantity":2}]}],
         "failureReason":null}
        """;

    private readonly FakeFabricHost _host = new(new Dictionary<string, string> { ["/api/orders/shopify/5917204381726"] = Order });

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Show_existingOrder_printsStatusLinesAndShipments()
    {
        // Act
        var result = await CliProcess.RunAsync("orders", "show", "Shopify", "5917204381726", "--base-url", _host.BaseUrl);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["/api/orders/shopify/5917204381726"], _host.RequestedPaths);
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains("status:    PartiallyShipped", lines);
        Assert.Contains("erp order: SO-000042", lines);
        Assert.Contains(lines, l => l.StartsWith("SKU-1500", StringComparison.Ordinal) && l.EndsWith(" 2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("SH-1", StringComparison.Ordinal) && l.EndsWith("1Z999AA10123456784", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("failed:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Show_json_printsTheHostsAnswer()
    {
        // Act
        var result = await CliProcess.RunAsync("orders", "show", "shopify", "5917204381726", "--json", "--base-url", _host.BaseUrl);

        // Assert
        Assert.Equal(0, result.ExitCode);
        var order = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("PartiallyShipped", order.GetProperty("status").GetString());
        Assert.Equal(2, order.GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task Show_unknownOrder_exits3()
    {
        // Act
        var result = await CliProcess.RunAsync("orders", "show", "amazon", "111-0000000-0000000", "--base-url", _host.BaseUrl);

        // Assert
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("111-0000000-0000000", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_hostNotRunning_exits4()
    {
        // Act
        var result = await CliProcess.RunAsync("orders", "show", "shopify", "1", "--base-url", $"http://127.0.0.1:{Ports.FreeLoopbackPort()}");

        // Assert
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("cannot reach the fabric host", result.Error, StringComparison.Ordinal);
    }
}
