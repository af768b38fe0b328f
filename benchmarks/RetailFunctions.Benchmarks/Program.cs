using System.Globalization;
using RetailFunctions.Benchmarks.Orders;
using RetailFunctions.Benchmarks.Inventory;
using RetailFunctions.Benchmarks.Settlements;
using RetailFunctions.Benchmarks.Webhooks;

// Driven by scripts/bench.sh, which runs each measurement in its own process so peak memory is the parser's alone.
return args switch
{
    ["settlements", "generate", var file, var lines] => SettlementBenchmark.Generate(file, int.Parse(lines, System.Globalization.CultureInfo.InvariantCulture)),
    ["settlements", "run", var parser, var file, var repeat] => await SettlementBenchmark.RunAsync(parser, file, int.Parse(repeat, System.Globalization.CultureInfo.InvariantCulture)),
    ["settlements", "reconcile", var file, var orders] => await ReconcileBenchmark.RunAsync(file, int.Parse(orders, System.Globalization.CultureInfo.InvariantCulture)),
    ["orders", var fabric, var simulators, var rate, var seconds, var secret] =>
        await OrderLoadBenchmark.RunAsync(fabric, simulators, double.Parse(rate, CultureInfo.InvariantCulture), int.Parse(seconds, CultureInfo.InvariantCulture), secret),
    ["inventory", "steady", var host, var simulators, var secret, var rate, var seconds] =>
        await InventoryBenchmark.SteadyAsync(new Uri(host), new Uri(simulators), secret, int.Parse(rate, CultureInfo.InvariantCulture), int.Parse(seconds, CultureInfo.InvariantCulture)),
    ["inventory", "burst", var host, var simulators, var secret, var skus, var adjustments, var perRequest] =>
        await InventoryBenchmark.BurstAsync(new Uri(host), new Uri(simulators), secret, int.Parse(skus, CultureInfo.InvariantCulture), int.Parse(adjustments, CultureInfo.InvariantCulture), int.Parse(perRequest, CultureInfo.InvariantCulture)),
    ["webhooks", "bare-server", var port, var secret] => await BareWebhookServer.RunAsync(int.Parse(port, CultureInfo.InvariantCulture), secret),
    ["webhooks", "load", var label, var url, var secret, var concurrency, var seconds] =>
        await WebhookAckBenchmark.RunAsync(label, new Uri(url), secret, int.Parse(concurrency, CultureInfo.InvariantCulture), int.Parse(seconds, CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: RetailFunctions.Benchmarks settlements generate <file> <lines>");
    Console.Error.WriteLine("       RetailFunctions.Benchmarks settlements run <sep|csvhelper> <file> <repeat>");
    Console.Error.WriteLine("       RetailFunctions.Benchmarks settlements reconcile <file> <ledger orders>");
    Console.Error.WriteLine("       RetailFunctions.Benchmarks orders <fabric url> <simulators url> <webhooks per second> <seconds> <shopify secret>");
    Console.Error.WriteLine("       RetailFunctions.Benchmarks inventory steady <hostUrl> <simulatorsUrl> <secret> <changesPerSecond> <seconds>");
    Console.Error.WriteLine("       RetailFunctions.Benchmarks inventory burst <hostUrl> <simulatorsUrl> <secret> <skus> <adjustments> <itemsPerRequest>");
    Console.Error.WriteLine("       RetailFunctions.Benchmarks webhooks bare-server <port> <shopify secret>");
    Console.Error.WriteLine("       RetailFunctions.Benchmarks webhooks load <label> <endpoint url> <shopify secret> <concurrency> <seconds>");
    return 1;
}
