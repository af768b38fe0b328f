using Microsoft.Extensions.Options;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Settlements.Processing;
using RetailFunctions.Core.Settlements.Reconciliation;
using RetailFunctions.Core.Telemetry;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Settlements;

/// <summary>
/// Every log line of the settlement handler names the settlement (or, before the file names it, the file), and its
/// <c>settlement.reconciled</c> event is committed with the overview, after the report.
/// </summary>
public sealed class SettlementLogScopeTests : IDisposable
{
    private readonly ScopeRecordingLogger<SettlementFileHandler> _logger = new();
    private readonly MemoryStore _store = new();
    private readonly SettlementMetrics _metrics = new();
    private readonly SettlementFileHandler _handler;

    public SettlementLogScopeTests() =>
        _handler = new SettlementFileHandler(
            _store, new NoOrders(), new RecordingErp(), Options.Create(new SettlementOptions()), _metrics,
            new FixedTimeProvider(new DateTimeOffset(2024, 3, 8, 9, 0, 0, TimeSpan.Zero)), _logger);

    [Fact]
    public async Task HandleAsync_shopifyPayout_everyLineCarriesTheSettlementIdAndTheEventCommitsWithTheOverviewAfterTheReport()
    {
        // Arrange
        using var content = new MemoryStream(SampleFiles.Settlement("shopify", "payout-87654321.csv"));

        // Act
        var outcome = await _handler.HandleAsync(new SettlementFile("shopify", "payout-87654321.csv"), content, CancellationToken.None);

        // Assert
        Assert.Equal(SettlementOutcomeKind.Reconciled, outcome.Kind);
        Assert.NotEmpty(_logger.Lines);
        Assert.All(_logger.Lines, l => Assert.Equal("87654321", l.Scope.GetValueOrDefault(RetailLogScopes.SettlementId)));
        Assert.Equal(["overview", "report", "overview+settlement.reconciled"], _store.Writes);
    }

    [Fact]
    public async Task HandleAsync_malformedFile_quarantineLineCarriesTheFile()
    {
        // Arrange
        using var content = new MemoryStream("not,a,payout\n1,2\n"u8.ToArray());

        // Act
        await _handler.HandleAsync(new SettlementFile("shopify", "broken.csv"), content, CancellationToken.None);

        // Assert
        var quarantined = Assert.Single(_logger.Lines);
        Assert.Equal("shopify/broken.csv", quarantined.Scope[RetailLogScopes.SettlementFile]);
        Assert.False(quarantined.Scope.ContainsKey(RetailLogScopes.SettlementId));
    }

    public void Dispose() => _metrics.Dispose();

    private sealed class NoOrders : ISettlementOrders
    {
        public Task<IReadOnlyDictionary<string, OrderRecord>> FindAsync(string channel, IReadOnlyCollection<string> orderRefs, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, OrderRecord>>(new Dictionary<string, OrderRecord>());

        public Task<IReadOnlyList<OrderRecord>> FindShippedUnsettledAsync(string channel, DateTimeOffset shippedFrom, DateTimeOffset shippedTo, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<OrderRecord>>([]);

        public Task MarkSettledAsync(string channel, string settlementId, IReadOnlyCollection<string> channelOrderIds, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class MemoryStore : ISettlementStore
    {
        public List<string> Writes { get; } = [];

        public Task<SettlementClaim> ClaimAsync(SettlementFile file, string contentHash, CancellationToken cancellationToken) => Task.FromResult(SettlementClaim.Claimed);

        public Task CompleteClaimAsync(SettlementFile file, string contentHash, string outcome, string? settlementId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task QuarantineAsync(SettlementFile file, QuarantineReason reason, CancellationToken cancellationToken) => Record("quarantine");

        public Task SaveExceptionsAsync(SettlementOverview settlement, IReadOnlyList<SettlementException> exceptions, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task SaveOverviewAsync(SettlementOverview settlement, CancellationToken cancellationToken) => Record("overview");

        public Task SaveOverviewAsync(SettlementOverview settlement, RetailEvent announcement, CancellationToken cancellationToken) => Record($"overview+{announcement.EventType}");

        public Task SaveReportAsync(SettlementReport report, CancellationToken cancellationToken) => Record("report");

        public Task<SettlementOverview?> FindOverviewAsync(string channel, string settlementId, CancellationToken cancellationToken) => Task.FromResult<SettlementOverview?>(null);

        private Task Record(string write)
        {
            Writes.Add(write);
            return Task.CompletedTask;
        }
    }
}
