using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using RetailFunctions.Infrastructure.Events;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Faults;

/// <summary>
/// What must hold after any fault, checked from outside through the fabric's API, its storage and the simulators:
/// every accepted webhook is one ledger order and one ERP sales order (counted by the simulator); every order is final
/// or visibly <c>Failed</c> with a reason; every channel shows the available-to-sell the fabric computed, which is the
/// seeded stock less what was sold; nothing waits in a poison queue. Meant for a private Azurite: it counts everything.
/// </summary>
internal sealed class FabricInvariants(FabricHost fabric, AzuriteFixture storage)
{
    private const int SampleCatalogueOnHand = 100;

    /// <summary>Channels whose simulator keeps the inventory pushed to it.</summary>
    private static readonly string[] InventoryChannels = ["shopify", "amazon", "walmart"];
    private static readonly HashSet<string> FinalStatuses = ["Completed", "Cancelled"];

    /// <summary>Waits for the fabric to settle, then asserts every invariant; returns the final status of each order.</summary>
    /// <param name="accepted">The orders whose webhook the fabric acknowledged (202 or 200).</param>
    /// <param name="startingOnHand">SKUs set to other quantities than the sample catalogue's 100 before the orders; they are checked too.</param>
    public async Task<Settled> AssertAsync(IReadOnlyCollection<OrderWebhook> accepted, TimeSpan patience, IReadOnlyDictionary<string, int>? startingOnHand = null)
    {
        var orders = await WaitForFinalStatesAsync(accepted, patience);
        await AssertLedgerHoldsExactlyAsync(accepted);
        await AssertOneErpOrderEachAsync(accepted, orders);
        await AssertNoPoisonAsync();
        var skus = await AssertChannelsShowAvailableToSellAsync(orders, startingOnHand ?? new Dictionary<string, int>(), patience);
        return new Settled(orders.Values.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count()), skus);
    }

    private async Task<Dictionary<string, SettledOrder>> WaitForFinalStatesAsync(IReadOnlyCollection<OrderWebhook> accepted, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        var settled = new Dictionary<string, SettledOrder>();
        while (true)
        {
            foreach (var webhook in accepted.Where(w => !settled.ContainsKey(w.OrderKey)))
            {
                if (await ReadOrderAsync(webhook) is { } order && (FinalStatuses.Contains(order.Status) || order is { Status: "Failed", FailureReason.Length: > 0 }))
                {
                    settled[webhook.OrderKey] = order;
                }
            }

            if (settled.Count == accepted.Count)
            {
                return settled;
            }

            if (DateTime.UtcNow > deadline)
            {
                var pending = new List<string>();
                foreach (var webhook in accepted.Where(w => !settled.ContainsKey(w.OrderKey)).Take(10))
                {
                    pending.Add($"{webhook.OrderKey}: {(await ReadOrderAsync(webhook))?.Status ?? "not in the ledger"}");
                }

                Assert.Fail($"{accepted.Count - settled.Count} of {accepted.Count} orders are neither final nor Failed with a reason after {patience.TotalSeconds:0} s: {string.Join("; ", pending)}");
            }

            await Task.Delay(500);
        }
    }

    private async Task AssertLedgerHoldsExactlyAsync(IReadOnlyCollection<OrderWebhook> accepted)
    {
        var ledger = new List<string>();
        await foreach (var row in new TableClient(storage.ConnectionString, "orders").QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "ChannelOrderId"]))
        {
            if (OutboxRecords.IsOutboxRow(row.RowKey))
            {
                continue;
            }

            ledger.Add($"order-{row.PartitionKey}-{row.GetString("ChannelOrderId") ?? row.RowKey}");
        }

        Assert.Equal(accepted.Select(w => w.OrderKey).Order(StringComparer.Ordinal), ledger.Order(StringComparer.Ordinal));
    }

    private async Task AssertOneErpOrderEachAsync(IReadOnlyCollection<OrderWebhook> accepted, Dictionary<string, SettledOrder> orders)
    {
        var erpOrders = await fabric.Simulators.Client.GetFromJsonAsync<List<JsonElement>>("_sim/erp/orders") ?? [];
        var byKey = erpOrders.GroupBy(o => o.GetProperty("order").GetProperty("orderKey").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        var unknown = byKey.Keys.Except(accepted.Select(w => w.OrderKey)).ToList();
        Assert.True(unknown.Count == 0, $"ERP sales orders for orders no webhook announced: {string.Join(", ", unknown)}");
        foreach (var webhook in accepted)
        {
            var count = byKey.GetValueOrDefault(webhook.OrderKey);
            var failedBeforeErp = orders[webhook.OrderKey] is { Status: "Failed", ErpOrderId: null };
            Assert.True(count == 1 || (count == 0 && failedBeforeErp), $"{webhook.OrderKey} ({orders[webhook.OrderKey].Status}) has {count} ERP sales orders; exactly one expected.");
        }
    }

    private async Task AssertNoPoisonAsync()
    {
        var queues = new QueueServiceClient(storage.ConnectionString);
        var poisoned = new StringBuilder();
        await foreach (var queue in queues.GetQueuesAsync())
        {
            if (!queue.Name.EndsWith("-poison", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                poisoned.Append($"\n  {queue.Name}: {Truncate(message.Body.ToString())}");
            }
        }

        Assert.True(poisoned.Length == 0, $"Messages in poison queues:{poisoned}");
    }

    /// <summary>
    /// For every SKU the orders touched: on hand is the seeded stock less what completed orders shipped, nothing stays
    /// reserved once every order is final, and each channel simulator last received the available-to-sell the fabric
    /// computed for it, which equals on hand less reserved (the tests set no safety stock or channel rules).
    /// </summary>
    private async Task<Dictionary<string, int>> AssertChannelsShowAvailableToSellAsync(Dictionary<string, SettledOrder> orders, IReadOnlyDictionary<string, int> startingOnHand, TimeSpan patience)
    {
        var sold = orders.Values
            .Where(o => o.Status == "Completed")
            .SelectMany(o => o.Lines)
            .GroupBy(l => l.Sku)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        var anyFailed = orders.Values.Any(o => o.Status == "Failed");
        var expected = orders.Values.SelectMany(o => o.Lines).Select(l => l.Sku).Concat(startingOnHand.Keys).Distinct()
            .ToDictionary(s => s, s => startingOnHand.GetValueOrDefault(s, SampleCatalogueOnHand) - sold.GetValueOrDefault(s));
        var mismatches = new List<string>();
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            mismatches.Clear();
            var channels = new Dictionary<string, Dictionary<string, int>>();
            foreach (var channel in InventoryChannels)
            {
                channels[channel] = (await fabric.Simulators.Client.GetFromJsonAsync<List<JsonElement>>($"_sim/{channel}/inventory") ?? [])
                    .GroupBy(v => v.GetProperty("sku").GetString()!)
                    .ToDictionary(g => g.Key, g => g.Last().GetProperty("quantity").GetInt32());
            }

            foreach (var (sku, onHand) in expected)
            {
                var view = await fabric.Client.GetFromJsonAsync<JsonElement>($"api/inventory/{sku}");
                var (actualOnHand, reserved) = (view.GetProperty("onHand").GetInt32(), view.GetProperty("reserved").GetInt32());
                if (actualOnHand != onHand || (!anyFailed && reserved != 0))
                {
                    mismatches.Add($"{sku}: on hand {actualOnHand} (expected {onHand}), reserved {reserved}");
                }

                foreach (var channel in view.GetProperty("channels").EnumerateArray().Where(c => InventoryChannels.Contains(c.GetProperty("channel").GetString())))
                {
                    var name = channel.GetProperty("channel").GetString()!;
                    var availableToSell = channel.GetProperty("availableToSell").GetInt32();
                    var shown = channels[name].TryGetValue(sku, out var value) ? value : (int?)null;
                    if (availableToSell != Math.Max(0, actualOnHand - reserved) || shown != availableToSell)
                    {
                        mismatches.Add($"{sku} on {name}: fabric's available-to-sell {availableToSell} (on hand {actualOnHand} − reserved {reserved}), channel shows {shown?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}");
                    }
                }
            }

            if (mismatches.Count == 0)
            {
                return expected;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Inventory did not converge within {patience.TotalSeconds:0} s:\n  {string.Join("\n  ", mismatches)}");
            }

            await Task.Delay(500);
        }
    }

    private async Task<SettledOrder?> ReadOrderAsync(OrderWebhook webhook)
    {
        using var response = await fabric.Client.GetAsync($"api/orders/{webhook.Channel}/{webhook.OrderId}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new SettledOrder(
            order.GetProperty("status").GetString()!,
            order.TryGetProperty("failureReason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null,
            order.TryGetProperty("erpOrderId", out var erp) && erp.ValueKind == JsonValueKind.String ? erp.GetString() : null,
            order.GetProperty("lines").EnumerateArray().Select(l => new SettledLine(l.GetProperty("sku").GetString()!, l.GetProperty("quantity").GetInt32())).ToList());
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <param name="Statuses">How many orders ended in each status.</param>
    /// <param name="OnHandBySku">The SKUs checked and their on-hand quantity at the end.</param>
    public sealed record Settled(IReadOnlyDictionary<string, int> Statuses, IReadOnlyDictionary<string, int> OnHandBySku);

    private sealed record SettledOrder(string Status, string? FailureReason, string? ErpOrderId, IReadOnlyList<SettledLine> Lines);

    private sealed record SettledLine(string Sku, int Quantity);
}
