using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Benchmarks.Inventory;

/// <summary>
/// Change → channel confirmed, through a running local fabric host and its simulators. <c>steady</c>: one new SKU count
/// per change at a fixed rate; lag per change = when the channel simulator received the value − when it was posted.
/// <c>burst</c>: many adjustments over fewer SKUs as fast as they can be posted; time until every channel holds the
/// right value for every SKU, and API calls per channel. Prints tab-separated rows for scripts/bench.sh.
/// </summary>
public static class InventoryBenchmark
{
    private static readonly string[] Channels = ["shopify", "amazon", "walmart"];

    // The fabric's default Inventory:LowStockThreshold; with no safety stock, a count at or below it is low stock everywhere.
    private const int LowStock = 5;

    public static async Task<int> SteadyAsync(Uri host, Uri simulators, string secret, int perSecond, int seconds)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await ResetAsync(http, simulators);
        var run = RunId();
        var sent = new Dictionary<string, (DateTimeOffset At, int Value)>();
        var sequence = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>();
        for (var i = 0; i < perSecond * seconds; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var sku = $"SKU-7{run}{i:D5}";
            var value = 1 + (i % 150);
            sent[sku] = (DateTimeOffset.UtcNow, value);
            sends.Add(PostAsync(http, host, secret, ++sequence, [(sku, value)]));
        }

        await Task.WhenAll(sends);
        var received = await ConvergeAsync(http, simulators, sent.ToDictionary(s => s.Key, s => s.Value.Value), TimeSpan.FromMinutes(5));
        foreach (var channel in Channels)
        {
            var confirmed = sent.Where(s => received[channel].ContainsKey(s.Key))
                .Select(s => (s.Value.Value, Received: received[channel][s.Key], Lag: Math.Max(0, (received[channel][s.Key].At - s.Value.At).TotalSeconds)))
                .ToArray();
            var lags = Lags(confirmed.Select(c => c.Lag));
            Console.WriteLine(string.Join('\t', "steady", channel, sent.Count, lags.Length, F(Percentile(lags, 0.50)), F(Percentile(lags, 0.95)), F(Percentile(lags, 0.99)), F(lags.LastOrDefault())));

            // Low stock is what oversells, and single updates are what the targets hold Amazon to: their lags apart.
            var low = Lags(confirmed.Where(c => c.Value <= LowStock).Select(c => c.Lag));
            Console.WriteLine(string.Join('\t', "steady-by", channel, $"low stock (<= {LowStock})", low.Length, F(Percentile(low, 0.50)), F(Percentile(low, 0.99))));
            foreach (var via in confirmed.GroupBy(c => c.Received.Via).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var viaLags = Lags(via.Select(c => c.Lag));
                Console.WriteLine(string.Join('\t', "steady-by", channel, "via " + via.Key, viaLags.Length, F(Percentile(viaLags, 0.50)), F(Percentile(viaLags, 0.99))));
            }
        }

        await PrintCountersAsync(http, simulators, "steady");
        return 0;
    }

    public static async Task<int> BurstAsync(Uri host, Uri simulators, string secret, int skus, int adjustments, int itemsPerRequest)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await ResetAsync(http, simulators);
        var run = RunId();
        var random = new Random(20250314);
        var expected = new Dictionary<string, int>();
        var sequence = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        var requests = new List<(long Sequence, (string Sku, int Value)[] Items)>();
        for (var sent = 0; sent < adjustments; sent += itemsPerRequest)
        {
            var items = new Dictionary<string, int>();
            for (var i = 0; i < Math.Min(itemsPerRequest, adjustments - sent); i++)
            {
                var sku = $"SKU-7{run}{random.Next(skus):D5}";
                items[sku] = random.Next(0, 200);
            }

            foreach (var (sku, value) in items)
            {
                expected[sku] = value;
            }

            requests.Add((++sequence, items.Select(i => (i.Key, i.Value)).ToArray()));
        }

        var clock = Stopwatch.StartNew();
        foreach (var (seq, items) in requests)
        {
            await PostAsync(http, host, secret, seq, items);
        }

        var posted = clock.Elapsed;
        var started = DateTimeOffset.UtcNow - posted;
        var received = await ConvergeAsync(http, simulators, expected, TimeSpan.FromMinutes(10));
        foreach (var channel in Channels)
        {
            var done = received[channel].Count == expected.Count ? F(received[channel].Values.Max(r => r.At) - started) : "not converged";
            Console.WriteLine(string.Join('\t', "burst", channel, adjustments, expected.Count, F(posted), done));
        }

        await PrintCountersAsync(http, simulators, "burst");
        return 0;
    }

    private static async Task PostAsync(HttpClient http, Uri host, string secret, long sequence, (string Sku, int Value)[] items)
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            source = "erp",
            sequence,
            occurredAt = DateTimeOffset.UtcNow,
            items = items.Select(i => new { sku = i.Sku, location = "DC1", onHand = i.Value }),
        }));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, "api/inventory/adjustments")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Add(RetailSignature.HeaderName, RetailSignature.Create(body, secret, DateTimeOffset.UtcNow));
        using var response = await http.SendAsync(request);
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"Adjustment {sequence} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// Per channel, when the simulator got the expected value for each SKU and through which operation; stops when all
    /// have it or at the timeout.
    /// </summary>
    private static async Task<Dictionary<string, Dictionary<string, (DateTimeOffset At, string Via)>>> ConvergeAsync(HttpClient http, Uri simulators, IReadOnlyDictionary<string, int> expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var received = Channels.ToDictionary(c => c, _ => new Dictionary<string, (DateTimeOffset At, string Via)>());
        while (true)
        {
            foreach (var channel in Channels)
            {
                using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(simulators, $"_sim/{channel}/inventory")));
                foreach (var value in document.RootElement.EnumerateArray())
                {
                    var sku = value.GetProperty("sku").GetString()!;
                    if (expected.TryGetValue(sku, out var want) && value.GetProperty("quantity").GetInt32() == want)
                    {
                        received[channel][sku] = (value.GetProperty("updatedAt").GetDateTimeOffset(), value.GetProperty("via").GetString() ?? "?");
                    }
                    else
                    {
                        received[channel].Remove(sku);
                    }
                }
            }

            if (received.Values.All(r => r.Count == expected.Count) || DateTime.UtcNow > deadline)
            {
                return received;
            }

            await Task.Delay(250);
        }
    }

    private static async Task PrintCountersAsync(HttpClient http, Uri simulators, string scenario)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(simulators, "_sim/counters")));
        foreach (var system in document.RootElement.EnumerateObject().Where(s => Channels.Contains(s.Name)))
        {
            foreach (var operation in system.Value.EnumerateObject())
            {
                var counts = operation.Value;
                Console.WriteLine(string.Join('\t', scenario + "-calls", system.Name, operation.Name, counts.GetProperty("requests").GetInt32(), counts.GetProperty("throttled").GetInt32(), counts.GetProperty("faulted").GetInt32()));
            }
        }
    }

    private static async Task ResetAsync(HttpClient http, Uri simulators) =>
        (await http.PostAsync(new Uri(simulators, "_sim/reset"), null)).EnsureSuccessStatusCode();

    private static string RunId() => Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);

    private static double[] Lags(IEnumerable<double> lags) => [.. lags.Order()];

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string F(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string F(TimeSpan elapsed) => F(elapsed.TotalSeconds);
}
