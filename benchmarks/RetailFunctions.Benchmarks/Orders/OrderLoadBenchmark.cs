using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailFunctions.Benchmarks.Orders;

/// <summary>
/// Signed Shopify <c>orders/create</c> webhooks at a fixed rate through a running fabric host. Measures the webhook
/// acknowledgement time (client side, loopback) and webhook → ERP sales order time (the simulated ERP's receipt time
/// minus the send time, same clock), and the throughput into the ERP.
/// Prints one tab-separated line: rate, seconds, sent, accepted, errors, ack p50 ms, ack p99 ms, erp reached,
/// erp p50 ms, erp p95 ms, erp orders/s.
/// </summary>
internal static class OrderLoadBenchmark
{
    public static async Task<int> RunAsync(string fabricUrl, string simulatorsUrl, double rate, int seconds, string secret)
    {
        using var fabric = new HttpClient { BaseAddress = new Uri(fabricUrl), Timeout = TimeSpan.FromSeconds(30) };
        using var simulators = new HttpClient { BaseAddress = new Uri(simulatorsUrl), Timeout = TimeSpan.FromSeconds(30) };
        var runId = Guid.NewGuid().ToString("N")[..8];
        var total = (int)(rate * seconds);
        var sent = new ConcurrentDictionary<string, DateTimeOffset>();
        var acks = new ConcurrentBag<(DateTimeOffset SentAt, double Ms)>();
        var errors = 0;
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var orderId = BenchShopifyDelivery.NewOrderId(i);
            inFlight.Add(SendAsync(orderId, i));
        }

        await Task.WhenAll(inFlight);
        var window = clock.Elapsed;

        var reached = await WaitForErpAsync(simulators, sent, TimeSpan.FromSeconds(60 + seconds));
        var erpLatencies = reached.Select(r => (r.Value - sent[r.Key]).TotalMilliseconds).Order().ToList();
        var lastErp = reached.Count == 0 ? DateTimeOffset.UtcNow : reached.Values.Max();
        var firstSent = sent.Values.DefaultIfEmpty(DateTimeOffset.UtcNow).Min();
        var ackSorted = acks.Select(a => a.Ms).Order().ToList();
        Console.WriteLine(string.Join('\t', new object[]
        {
            rate, seconds, total, acks.Count, errors,
            Percentile(ackSorted, 0.50), Percentile(ackSorted, 0.99),
            reached.Count, Percentile(erpLatencies, 0.50), Percentile(erpLatencies, 0.95),
            reached.Count / Math.Max(0.001, (lastErp - firstSent).TotalSeconds),
        }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        _ = window;
        if (Environment.GetEnvironmentVariable("BENCH_ACK_LOG") is { Length: > 0 } ackLogPath)
        {
            await File.WriteAllLinesAsync(ackLogPath, acks.OrderBy(a => a.SentAt).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.SentAt:HH:mm:ss.fff}\t{a.Ms:F1}")));
        }
        return 0;

        async Task SendAsync(string orderId, int sequence)
        {
            using var request = BenchShopifyDelivery.Request(new Uri(fabric.BaseAddress!, "api/webhooks/shopify"), secret, $"{runId}-{sequence}", orderId, sequence);
            var started = Stopwatch.GetTimestamp();
            var sentAt = DateTimeOffset.UtcNow;
            try
            {
                using var response = await fabric.SendAsync(request);
                if ((int)response.StatusCode == 202)
                {
                    acks.Add((sentAt, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                    sent[$"order-shopify-{orderId}"] = sentAt;
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }
        }
    }

    private static async Task<Dictionary<string, DateTimeOffset>> WaitForErpAsync(HttpClient simulators, ConcurrentDictionary<string, DateTimeOffset> sent, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var documents = await simulators.GetFromJsonAsync<List<JsonElement>>("_sim/erp/orders") ?? [];
            var reached = documents
                .Select(d => (Key: d.GetProperty("order").GetProperty("orderKey").GetString()!, At: d.GetProperty("createdAt").GetDateTimeOffset()))
                .Where(d => sent.ContainsKey(d.Key))
                .GroupBy(d => d.Key)
                .ToDictionary(g => g.Key, g => g.Min(d => d.At));
            if (reached.Count >= sent.Count || DateTime.UtcNow > deadline)
            {
                return reached;
            }

            await Task.Delay(500);
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 1);
}
