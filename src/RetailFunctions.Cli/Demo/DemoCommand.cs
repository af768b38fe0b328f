using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using RetailFunctions.Cli.Output;
using RetailFunctions.Core.Orders;

namespace RetailFunctions.Cli.Demo;

/// <summary>
/// <c>retail demo [--orders N] [--base-url] [--simulators-url] [--settings] [--timeout] [--json]</c>: replays a sample
/// day against a running local fabric (signed Shopify, Walmart and POS orders, inventory adjustments, one Shopify
/// settlement file), waits for the orders to settle and prints a summary. Exit 0 when every order reached Completed or
/// Cancelled; 1 when one failed or did not settle in time; 4 when the fabric cannot be reached.
/// </summary>
internal static class DemoCommand
{
    private static readonly string[] Channels = ["shopify", "walmart", "pos"];

    public static Command Create()
    {
        var baseUrl = UrlOption("--base-url", "The fabric host.", "http://127.0.0.1:7071");
        var simulatorsUrl = UrlOption("--simulators-url", "The simulators (ERP, WMS, channel APIs).", "http://127.0.0.1:7072");
        var orders = new Option<int>("--orders") { Description = "How many orders to send, spread over Shopify, Walmart and POS.", DefaultValueFactory = _ => 30 };
        orders.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                result.AddError("--orders must be between 1 and 10000.");
            }
        });
        var settings = new Option<string>("--settings")
        {
            Description = $"The settings file with the development secrets (falls back to {DemoSettings.SampleFileName} beside it).",
            DefaultValueFactory = _ => "local.settings.json",
        };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the orders to settle.", DefaultValueFactory = _ => 90 };
        var json = CommonOptions.Json();
        var command = new Command("demo", "Replay a sample day of traffic against the local fabric and summarise what happened.")
        {
            baseUrl, simulatorsUrl, orders, settings, timeout, json,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new DemoOptions(
                parse.GetRequiredValue(baseUrl),
                parse.GetRequiredValue(simulatorsUrl),
                parse.GetValue(orders),
                parse.GetRequiredValue(settings),
                TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(timeout))),
                parse.GetValue(json)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DemoOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        DemoSettings settings;
        try
        {
            settings = DemoSettings.Load(options.SettingsPath);
        }
        catch (DemoSettingsException ex)
        {
            await error.WriteLineAsync($"settings: {ex.Message}");
            return ExitCodes.Usage;
        }

        using var fabric = new HttpClient { BaseAddress = options.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var simulators = new HttpClient { BaseAddress = options.SimulatorsUrl, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var health = await fabric.GetAsync("api/health", cancellationToken);
            health.EnsureSuccessStatusCode();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"cannot reach the fabric host at {options.BaseUrl}: {ex.Message}");
            return ExitCodes.Unavailable;
        }

        var progress = new Progress(error);
        var clock = Stopwatch.StartNew();
        await progress.LineAsync($"demo: secrets from {settings.Source}; sending {options.Orders} orders to {options.BaseUrl}");

        var random = new Random();
        var runTag = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var plan = BuildPlan(options.Orders, settings, random, runTag, out var shopifyCharges);
        var sent = Channels.Append("inventory").ToDictionary(c => c, _ => 0);
        var accepted = Channels.Append("inventory").ToDictionary(c => c, _ => 0);
        var orders = new List<(string Channel, string Id)>();
        var rejections = new List<string>();
        var done = 0;
        foreach (var step in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (step.WalmartSeed is { } seed)
            {
                await TryPostAsync(simulators, "_sim/walmart/orders", seed, cancellationToken);
            }

            // Signed just before sending: POS, Walmart and adjustments carry a timestamp checked within 5 minutes.
            var delivery = step.Build(DateTimeOffset.UtcNow);
            sent[delivery.Channel]++;
            var status = await SendAsync(fabric, delivery, cancellationToken);
            if (status is >= 200 and < 300)
            {
                accepted[delivery.Channel]++;
                if (delivery.OrderId is { } id)
                {
                    orders.Add((delivery.Channel, id));
                }
            }
            else
            {
                rejections.Add($"{delivery.Channel} {delivery.OrderId ?? delivery.Path}: HTTP {status}");
            }

            await progress.CountAsync($"sent {++done}/{plan.Count} deliveries, {accepted.Values.Sum()} accepted");
        }

        await progress.DoneAsync();
        foreach (var rejection in rejections.Take(10))
        {
            await error.WriteLineAsync($"  rejected: {rejection}");
        }

        var (settlement, payoutId) = await UploadSettlementAsync(settings, shopifyCharges, runTag, error, cancellationToken);

        var states = await WaitForOrdersAsync(fabric, orders, options.SettleTimeout, progress, cancellationToken);
        if (payoutId is not null)
        {
            settlement = await SettlementStateAsync(fabric, payoutId, cancellationToken) is { } found
                ? $"uploaded {payoutId}, ingested ({found})"
                : $"uploaded {payoutId}, not ingested yet";
        }

        var (erpOrders, erpInvoices) = await ErpCountsAsync(simulators, orders.Select(o => o.Id).ToList(), error, cancellationToken);
        var byStatus = states.GroupBy(s => s.Status).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var unsettled = states.Where(s => !IsGoodFinal(s.Status)).ToList();
        var summary = new DemoSummary(
            Channels.Select(c => new DemoChannelCount(c, sent[c], accepted[c])).ToList(),
            byStatus,
            states.Count,
            states.Count(s => IsFinal(s.Status)),
            erpOrders,
            erpInvoices,
            sent["inventory"],
            accepted["inventory"],
            settlement,
            Math.Round(clock.Elapsed.TotalSeconds, 1),
            unsettled,
            Ok: unsettled.Count == 0 && rejections.Count == 0);

        if (options.Json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(summary, CliJson.Default.DemoSummary));
        }
        else
        {
            await WriteTableAsync(summary, output);
        }

        return summary.Ok ? ExitCodes.Ok : ExitCodes.Usage;
    }

    private static List<PlannedDelivery> BuildPlan(int count, DemoSettings settings, Random random, string runTag, out List<(string OrderName, decimal Amount)> shopifyCharges)
    {
        var plan = new List<PlannedDelivery>();
        shopifyCharges = [];
        for (var i = 0; i < count; i++)
        {
            var lines = DemoTraffic.RandomLines(random);
            switch (Channels[i % Channels.Length])
            {
                case "shopify":
                    var shopifyId = random.NextInt64(1_000_000_000_000, 9_999_999_999_999);
                    var orderNumber = 5000 + i;
                    shopifyCharges.Add(($"#{orderNumber}", DemoTraffic.ShopifyTotal(lines)));
                    plan.Add(new PlannedDelivery(now => DemoTraffic.ShopifyOrder(shopifyId, orderNumber, lines, now, settings.ShopifySecret)));
                    break;
                case "walmart":
                    var purchaseOrderId = "18" + random.NextInt64(10_000_000_000, 99_999_999_999).ToString(CultureInfo.InvariantCulture);
                    plan.Add(new PlannedDelivery(
                        now => DemoTraffic.WalmartPurchaseOrder(purchaseOrderId, lines, now, settings.WalmartSecret),
                        DemoTraffic.WalmartSeed(purchaseOrderId, lines)));
                    break;
                default:
                    var transactionId = $"R01-{runTag}-{i:D4}";
                    plan.Add(new PlannedDelivery(now => DemoTraffic.PosSale("STORE-001", transactionId, lines, now, settings.PosSecret)));
                    break;
            }

            // A few inventory adjustments spread through the day: ERP counts, WMS corrections, a POS shrink report.
            if (i % 10 == 4 || (count < 5 && i == count - 1))
            {
                var kind = plan.Count(p => p.IsAdjustment) % 3;
                var skus = Enumerable.Range(0, 3).Select(_ => $"SKU-{random.Next(1000, 4000)}").Distinct().ToList();
                var onHand = random.Next(120, 200);
                plan.Add(new PlannedDelivery(now => DemoTraffic.InventoryAdjustment(
                    kind switch { 0 => "erp", 1 => "wms", _ => "pos" },
                    // Sequences grow per source across runs, so a later demo is never ignored as stale.
                    now.ToUnixTimeMilliseconds() * 10 + kind,
                    kind == 0 ? skus.Select(s => (s, (int?)onHand, (int?)null)).ToList() : skus.Select(s => (s, (int?)null, (int?)-1)).ToList(),
                    now,
                    settings.InventorySecret), IsAdjustment: true));
            }
        }

        return plan;
    }

    private static async Task<int> SendAsync(HttpClient fabric, DemoDelivery delivery, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = delivery.ToRequest();
                using var response = await fabric.SendAsync(request, cancellationToken);
                if ((int)response.StatusCode >= 500 && attempt < 3)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken);
                    continue;
                }

                return (int)response.StatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested && attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return 0;
            }
        }
    }

    private static async Task TryPostAsync(HttpClient client, string path, JsonObject body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The webhook is still sent; the order then fails at acknowledgement, which the summary shows.
        }
    }

    private static async Task<(string State, string? PayoutId)> UploadSettlementAsync(
        DemoSettings settings, List<(string OrderName, decimal Amount)> charges, string runTag, TextWriter error, CancellationToken cancellationToken)
    {
        if (charges.Count == 0)
        {
            return ("skipped: no Shopify orders", null);
        }

        if (settings.StorageConnection is null)
        {
            return ("skipped: no AzureWebJobsStorage in the settings", null);
        }

        var payoutId = "9" + runTag;
        var blobName = $"shopify/demo-payout-{payoutId}.csv";
        try
        {
            var container = new BlobContainerClient(settings.StorageConnection, "settlements");
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var csv = DemoTraffic.ShopifySettlement(payoutId, charges, DateTimeOffset.UtcNow);
            await container.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(csv), overwrite: true, cancellationToken);
            await error.WriteLineAsync($"uploaded settlement settlements/{blobName} ({charges.Count} charges)");
            return ($"uploaded {payoutId}", payoutId);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or InvalidOperationException or FormatException or HttpRequestException or AggregateException)
        {
            await error.WriteLineAsync($"settlement upload skipped: {ex.Message.Split('\n')[0]}");
            return ($"skipped: {ex.Message.Split('\n')[0]}", null);
        }
    }

    private static async Task<string?> SettlementStateAsync(HttpClient fabric, string payoutId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            try
            {
                using var response = await fabric.GetAsync($"api/settlements/shopify/{payoutId}", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                    return document.RootElement.TryGetProperty("lineCount", out var lines) && lines.ValueKind == JsonValueKind.Number ? $"{lines.GetRawText()} lines" : "found";
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return null;
    }

    private static async Task<List<DemoOrderState>> WaitForOrdersAsync(
        HttpClient fabric, List<(string Channel, string Id)> orders, TimeSpan timeout, Progress progress, CancellationToken cancellationToken)
    {
        var states = orders.ToDictionary(o => o, o => new DemoOrderState(o.Channel, o.Id, "NotFound", null));
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            foreach (var order in orders.Where(o => !IsFinal(states[o].Status)))
            {
                states[order] = await OrderStateAsync(fabric, order.Channel, order.Id, cancellationToken) ?? states[order];
            }

            var final = states.Values.Count(s => IsFinal(s.Status));
            var counts = string.Join(", ", states.Values.GroupBy(s => s.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
            await progress.CountAsync($"settling: {final}/{orders.Count} final ({counts}) {deadline.Elapsed.TotalSeconds:0}s");
            if (final == orders.Count || deadline.Elapsed >= timeout)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }

        await progress.DoneAsync();
        return orders.Select(o => states[o]).ToList();
    }

    private static async Task<DemoOrderState?> OrderStateAsync(HttpClient fabric, string channel, string id, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await fabric.GetAsync($"api/orders/{channel}/{Uri.EscapeDataString(id)}", cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return new DemoOrderState(channel, id, "NotFound", null);
            }

            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = document.RootElement;
            var status = root.TryGetProperty("status", out var s)
                ? s.ValueKind == JsonValueKind.Number ? ((OrderStatus)s.GetInt32()).ToString() : s.GetString() ?? "?"
                : "?";
            var reason = root.TryGetProperty("failureReason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            return new DemoOrderState(channel, id, status, reason);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<(int Orders, int Invoices)> ErpCountsAsync(HttpClient simulators, List<string> orderIds, TextWriter error, CancellationToken cancellationToken)
    {
        async Task<int> CountAsync(string path)
        {
            var entries = await simulators.GetFromJsonAsync<List<JsonElement>>(path, cancellationToken) ?? [];
            // The simulator keeps every run's documents; count only those naming one of this run's orders.
            return entries.Count(e =>
            {
                var text = e.GetRawText();
                return orderIds.Any(id => text.Contains(id, StringComparison.Ordinal));
            });
        }

        try
        {
            return (await CountAsync("_sim/erp/orders"), await CountAsync("_sim/erp/invoices"));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"cannot read the ERP simulator at {simulators.BaseAddress}: {ex.Message}");
            return (-1, -1);
        }
    }

    private static async Task WriteTableAsync(DemoSummary summary, TextWriter output)
    {
        await output.WriteLineAsync();
        await TextTable.WriteAsync(output, ["CHANNEL", "SENT", "ACCEPTED"],
            summary.Webhooks.Select(w => (IReadOnlyList<string>)[w.Channel, Num(w.Sent), Num(w.Accepted)])
                .Append(["inventory adjustments", Num(summary.InventoryAdjustmentsSent), Num(summary.InventoryAdjustmentsAccepted)]));
        await output.WriteLineAsync();
        await TextTable.WriteAsync(output, ["ORDER STATUS", "ORDERS"],
            summary.OrdersByStatus.Select(s => (IReadOnlyList<string>)[s.Key, Num(s.Value)])
                .Append(["total", Num(summary.OrdersTotal)]));
        await output.WriteLineAsync();
        await TextTable.WriteAsync(output, ["BACK OFFICE", "COUNT"],
        [
            ["ERP sales orders", Num(summary.ErpOrders)],
            ["ERP invoices", Num(summary.ErpInvoices)],
        ]);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"settlement: {summary.Settlement}");
        foreach (var order in summary.Unsettled.Take(10))
        {
            await output.WriteLineAsync($"not settled: {order.Channel} {order.ChannelOrderId} {order.Status}{(order.FailureReason is { } r ? $" ({r})" : "")}");
        }

        await output.WriteLineAsync(summary.Ok
            ? $"demo OK: {summary.OrdersFinal}/{summary.OrdersTotal} orders final in {summary.ElapsedSeconds:0.0}s"
            : $"demo NOT OK: {summary.OrdersTotal - summary.Unsettled.Count}/{summary.OrdersTotal} orders completed or cancelled in {summary.ElapsedSeconds:0.0}s");
    }

    private static bool IsFinal(string status) => status is nameof(OrderStatus.Completed) or nameof(OrderStatus.Cancelled) or nameof(OrderStatus.Failed);

    private static bool IsGoodFinal(string status) => status is nameof(OrderStatus.Completed) or nameof(OrderStatus.Cancelled);

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Option<Uri> UrlOption(string name, string description, string fallback) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => new Uri(fallback),
        CustomParser = result =>
        {
            if (Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                return url;
            }

            result.AddError($"{name} must be an absolute http(s) URL.");
            return null;
        },
    };

    private sealed record DemoOptions(Uri BaseUrl, Uri SimulatorsUrl, int Orders, string SettingsPath, TimeSpan SettleTimeout, bool Json);

    private sealed record PlannedDelivery(Func<DateTimeOffset, DemoDelivery> Build, JsonObject? WalmartSeed = null, bool IsAdjustment = false);

    /// <summary>One updating counter line on stderr (stdout stays the summary); plain lines when stderr is not a terminal.</summary>
    private sealed class Progress(TextWriter error)
    {
        private readonly bool _interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
        private string? _pending;

        public Task LineAsync(string text) => error.WriteLineAsync(text);

        public async Task CountAsync(string text)
        {
            if (_interactive)
            {
                await error.WriteAsync("\r" + text.PadRight(79));
                return;
            }

            _pending = text;
            if (_sinceLast.Elapsed >= TimeSpan.FromSeconds(5))
            {
                await FlushAsync();
            }
        }

        public async Task DoneAsync()
        {
            if (_interactive)
            {
                await error.WriteLineAsync();
            }
            else
            {
                await FlushAsync();
            }
        }

        private async Task FlushAsync()
        {
            if (_pending is not null)
            {
                await error.WriteLineAsync(_pending);
                _pending = null;
            }

            _sinceLast.Restart();
        }
    }
}
