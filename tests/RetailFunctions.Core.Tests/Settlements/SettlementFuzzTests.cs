using RetailFunctions.Core.Settlements;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Settlements;

/// <summary>
/// A bounded fuzz run over the three settlement parsers (issue 9): random bytes and mutations of the sample files.
/// Every input must finish within a second and either parse or fail with a <see cref="SettlementFormatException"/>
/// whose message names a line of the input; nothing else may escape. The seed is fixed so that a failure replays.
/// </summary>
public sealed class SettlementFuzzTests
{
    private const int Seed = 20_261_126;
    private const int InputsPerParser = 300;
    private static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(1);

    public static TheoryData<string, string> Samples => new()
    {
        { "amazon", "settlement-us.txt" },
        { "amazon", "settlement-de.txt" },
        { "shopify", "payout-87654321.csv" },
        { "walmart", "recon-20240216.csv" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task ParseAsync_fuzzedInputs_parseOrFailNamingTheLineWithinASecond(string channel, string sample)
    {
        // Arrange
        var original = SampleFiles.Settlement(channel, sample);
        await ParseAsync(channel, original, chunked: false); // warm up, so the limit measures parsing and not the JIT
        var random = new Random(Seed + sample.Sum(c => c));
        var failures = new List<string>();

        for (var i = 0; i < InputsPerParser; i++)
        {
            var (mutation, input) = SettlementMutations.Next(random, original);
            var chunked = random.Next(2) == 0;

            // Act
            var problem = await ProblemWithAsync(channel, input, chunked);

            // Assert (collected, so one run shows every failing input)
            if (problem is not null)
            {
                failures.Add($"#{i} {mutation}{(chunked ? " (chunked reads)" : "")}: {problem}");
            }
        }

        Assert.True(failures.Count == 0, $"{channel}/{sample}, seed {Seed}:\n{string.Join('\n', failures.Take(20))}");
    }

    /// <returns>Null when the parser behaved; else what went wrong.</returns>
    private static async Task<string?> ProblemWithAsync(string channel, byte[] input, bool chunked)
    {
        try
        {
            // A parser that loops does so every time; a slow first attempt on a busy machine is tried once more.
            if (!await FinishesInTimeAsync(channel, input, chunked) && !await FinishesInTimeAsync(channel, input, chunked))
            {
                return $"still parsing after {PerInputLimit.TotalSeconds:0} s, twice";
            }

            return null;
        }
        catch (SettlementFormatException ex)
        {
            var lines = LineCount(input);
            return ex.LineNumber >= 1 && ex.LineNumber <= lines + 1 && ex.Message.StartsWith($"line {ex.LineNumber}: ", StringComparison.Ordinal) && ex.Reason.Length > 0
                ? null
                : $"format error names line {ex.LineNumber} of {lines}: '{ex.Message}'";
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    private static async Task<bool> FinishesInTimeAsync(string channel, byte[] input, bool chunked)
    {
        try
        {
            await Task.Run(() => ParseAsync(channel, input, chunked)).WaitAsync(PerInputLimit);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static async Task ParseAsync(string channel, byte[] input, bool chunked)
    {
        Stream stream = chunked ? new TrickleStream(input) : new MemoryStream(input);
        await SettlementParsers.For(channel).ParseAsync(stream, new DiscardingSink());
    }

    private static int LineCount(byte[] input) => input.Count(b => b == (byte)'\n') + 1;

    private sealed class DiscardingSink : ISettlementLineSink
    {
        public void Add(SettlementLine line)
        {
        }
    }

    /// <summary>Hands out 1 to 61 bytes per read, so records straddle every buffer boundary.</summary>
    private sealed class TrickleStream(byte[] content) : MemoryStream(content)
    {
        private int _reads;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1 + (++_reads * 7 % 61)));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1 + (++_reads * 7 % 61))]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1 + (++_reads * 7 % 61))], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, 1 + (++_reads * 7 % 61)), cancellationToken);
    }
}
