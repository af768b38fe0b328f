using System.Diagnostics;
using System.Globalization;

using RetailFunctions.Benchmarks.Orders;

namespace RetailFunctions.Benchmarks.Webhooks;

/// <summary>
/// Webhook acknowledgement under a closed loop: <c>concurrency</c> senders each post signed Shopify <c>orders/create</c>
/// deliveries (a new order and event id every time) back to back for <c>seconds</c>, after a short warm-up. The same
/// load is sent to the fabric's gate and to <see cref="BareWebhookServer"/>, so their ratio is the gate's cost.
/// Prints one tab-separated line: label, requests, errors, requests/s, p50 ms, p99 ms.
/// </summary>
internal static class WebhookAckBenchmark
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(string label, Uri endpoint, string secret, int concurrency, int seconds)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { Timeout = TimeSpan.FromSeconds(30) };
        var runId = Guid.NewGuid().ToString("N")[..8];
        var sequence = 0;
        await LoadAsync(WarmUp);
        var (latencies, errors, elapsed) = await LoadAsync(TimeSpan.FromSeconds(seconds));

        latencies.Sort();
        Console.WriteLine(string.Join('\t', new object[]
        {
            label, latencies.Count + errors, errors,
            Math.Round(latencies.Count / elapsed.TotalSeconds, 1),
            Percentile(latencies, 0.50), Percentile(latencies, 0.99),
        }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        return errors == 0 ? 0 : 1;

        async Task<(List<double> Latencies, int Errors, TimeSpan Elapsed)> LoadAsync(TimeSpan duration)
        {
            var clock = Stopwatch.StartNew();
            var senders = Enumerable.Range(0, concurrency).Select(async _ =>
            {
                var mine = new List<double>();
                var failed = 0;
                while (clock.Elapsed < duration)
                {
                    var ok = await SendAsync(Interlocked.Increment(ref sequence), mine);
                    failed += ok ? 0 : 1;
                }

                return (mine, failed);
            }).ToArray();
            var results = await Task.WhenAll(senders);
            return (results.SelectMany(r => r.mine).ToList(), results.Sum(r => r.failed), clock.Elapsed);
        }

        async Task<bool> SendAsync(int n, List<double> latencies)
        {
            using var request = BenchShopifyDelivery.Request(endpoint, secret, $"{runId}-{n}", BenchShopifyDelivery.NewOrderId(n), n);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                if ((int)response.StatusCode != 202)
                {
                    return false;
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return true;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 2);
}
