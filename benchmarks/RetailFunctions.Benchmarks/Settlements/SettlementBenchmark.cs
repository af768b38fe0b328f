using System.Diagnostics;
using System.Globalization;
using RetailFunctions.Core.Settlements;
using RetailFunctions.Core.Settlements.Amazon;

namespace RetailFunctions.Benchmarks.Settlements;

/// <summary>Parse-and-map throughput and memory of one parser over one file, printed as one tab-separated result line.</summary>
internal static class SettlementBenchmark
{
    public static int Generate(string file, int lines)
    {
        AmazonSettlementFileGenerator.Write(file, lines);
        return 0;
    }

    /// <summary>Parses the file <paramref name="repeat"/> times and reports the fastest run; memory is the process peak.</summary>
    /// <remarks>
    /// Output: <c>parser lines seconds lines/s peak-working-set-MiB allocated-MiB-per-run balanced cpu-seconds</c>; the
    /// last is the least CPU time (every thread of the process) of a run, which a busy shared machine disturbs far less
    /// than the elapsed time.
    /// </remarks>
    public static async Task<int> RunAsync(string parser, string file, int repeat)
    {
        var best = TimeSpan.MaxValue;
        var leastCpu = TimeSpan.MaxValue;
        using var process = Process.GetCurrentProcess();
        SettlementSummary? summary = null;
        long allocatedPerRun = 0;
        for (var run = 0; run < repeat; run++)
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            summary = await ParseAsync(parser, file);
            stopwatch.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            leastCpu = cpu < leastCpu ? cpu : leastCpu;
            allocatedPerRun = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            best = stopwatch.Elapsed < best ? stopwatch.Elapsed : best;
        }

        process.Refresh();
        var lines = summary!.LineCount;
        Console.WriteLine(string.Join('\t',
            parser,
            lines.ToString(CultureInfo.InvariantCulture),
            best.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture),
            (lines / best.TotalSeconds).ToString("0", CultureInfo.InvariantCulture),
            (process.PeakWorkingSet64 / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture),
            (allocatedPerRun / (1024.0 * 1024)).ToString("0", CultureInfo.InvariantCulture),
            summary.IsBalanced ? "balanced" : $"unbalanced:{summary.Difference}",
            leastCpu.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)));
        return 0;
    }

    private static async Task<SettlementSummary> ParseAsync(string parser, string file)
    {
        await using var stream = new FileStream(
            file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        var builder = new SettlementSummaryBuilder();
        var header = parser switch
        {
            "sep" => await new AmazonSettlementParser().ParseAsync(stream, builder),
            "csvhelper" => CsvHelperAmazonSettlementParser.Parse(stream, builder),
            _ => throw new ArgumentException($"unknown parser '{parser}': sep or csvhelper", nameof(parser)),
        };
        return builder.Build(header);
    }
}
