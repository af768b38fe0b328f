using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.BackOffice.Erp;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Tests.Inventory;

namespace RetailFunctions.Core.Tests.BackOffice;

public sealed class ErpRouterTests
{
    private static readonly DateTimeOffset Cutover = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly RecordingErp _cloud = new();
    private readonly RecordingErp _legacy = new();
    private readonly ManualTimeProvider _time = new(Cutover.AddDays(-1));

    [Fact]
    public async Task CreateSalesOrder_noRoutingConfigured_goesToCloud()
    {
        // Arrange
        var router = Router(new ErpRoutingOptions());

        // Act
        var erpOrderId = await router.CreateSalesOrderAsync(SalesOrder("DC1"), "order-shopify-1", CancellationToken.None);

        // Assert
        Assert.Equal("SO-000001", erpOrderId);
        Assert.Single(_cloud.Documents);
        Assert.Empty(_legacy.Documents);
    }

    [Fact]
    public async Task CreateSalesOrder_siteBeforeItsCutover_goesToLegacyWithMarkedId()
    {
        // Arrange
        var router = Router(LegacyByDefault(("STORE-001", ErpSystem.Cloud, Cutover)));

        // Act
        var erpOrderId = await router.CreateSalesOrderAsync(SalesOrder("STORE-001"), "order-pos-1", CancellationToken.None);

        // Assert
        Assert.Equal("LEGACY-SO-000001", erpOrderId);
        Assert.Single(_legacy.Documents);
        Assert.Empty(_cloud.Documents);
    }

    [Fact]
    public async Task CreateSalesOrder_siteAtItsCutover_goesToCloud()
    {
        // Arrange
        _time.Advance(TimeSpan.FromDays(1));
        var router = Router(LegacyByDefault(("STORE-001", ErpSystem.Cloud, Cutover)));

        // Act
        var erpOrderId = await router.CreateSalesOrderAsync(SalesOrder("STORE-001"), "order-pos-1", CancellationToken.None);

        // Assert
        Assert.Equal("SO-000001", erpOrderId);
        Assert.Empty(_legacy.Documents);
    }

    [Fact]
    public async Task CreateSalesOrder_unlistedSite_followsDefault()
    {
        // Arrange
        _time.Advance(TimeSpan.FromDays(31));
        var router = Router(LegacyByDefault(("STORE-001", ErpSystem.Cloud, Cutover)));

        // Act
        await router.CreateSalesOrderAsync(SalesOrder("DC1"), "order-shopify-1", CancellationToken.None);

        // Assert
        Assert.Single(_legacy.Documents);
        Assert.Empty(_cloud.Documents);
    }

    [Fact]
    public async Task InvoiceAndCancel_orderPostedToLegacyBeforeCutover_stayOnLegacyAfterCutover()
    {
        // Arrange
        var router = Router(LegacyByDefault(("DC1", ErpSystem.Cloud, Cutover)));
        var erpOrderId = await router.CreateSalesOrderAsync(SalesOrder("DC1"), "order-shopify-1", CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(25));

        // Act
        await router.PostInvoiceAsync(new ErpInvoice(erpOrderId, "order-shopify-1", "USD", [new ErpInvoiceLine("ITEM-1", 1, 10m)], 10m), "order-shopify-1-invoice", CancellationToken.None);
        await router.CancelSalesOrderAsync(erpOrderId, "order-shopify-1-cancel", CancellationToken.None);

        // Assert
        Assert.Empty(_cloud.Documents);
        Assert.Equal(3, _legacy.Documents.Count);
        Assert.Equal("SO-000001", Assert.IsType<ErpInvoice>(_legacy.Documents[1].Document).ErpOrderId);
        Assert.Equal("SO-000001", _legacy.Documents[2].Document);
    }

    [Fact]
    public async Task PostCreditMemo_cloudOrder_goesToCloudEvenWhenSiteIsLegacy()
    {
        // Arrange
        var router = Router(LegacyByDefault());
        var memo = new ErpCreditMemo("return-1", "order-shopify-1", "SO-000042", "USD", [new ErpCreditMemoLine("ITEM-1", "DC1", 1, 10m, "Restock")], 10m);

        // Act
        await router.PostCreditMemoAsync(memo, "return-1", CancellationToken.None);

        // Assert
        Assert.Single(_cloud.Documents);
        Assert.Empty(_legacy.Documents);
    }

    [Fact]
    public async Task PostCreditMemo_withoutOrder_goesBySiteOfTheReturnedGoods()
    {
        // Arrange
        var router = Router(LegacyByDefault(("STORE-001", ErpSystem.Cloud, null)));
        var memo = new ErpCreditMemo("return-1", "order-pos-1", null, "USD", [new ErpCreditMemoLine("ITEM-1", "STORE-001", 1, 10m, "Restock")], 10m);

        // Act
        await router.PostCreditMemoAsync(memo, "return-1", CancellationToken.None);

        // Assert
        Assert.Single(_cloud.Documents);
        Assert.Empty(_legacy.Documents);
    }

    [Fact]
    public async Task PostJournal_legacyDefault_goesToLegacyWhateverTheSites()
    {
        // Arrange
        var router = Router(LegacyByDefault(("DC1", ErpSystem.Cloud, null)));
        var journal = new ErpJournal("settlement-1", "amazon", "USD", new DateOnly(2026, 11, 1), [new ErpJournalLine("1000", 10m, 0m, null, null), new ErpJournalLine("4000", 0m, 10m, null, null)]);

        // Act
        await router.PostJournalAsync(journal, "settlement-1", CancellationToken.None);

        // Assert
        Assert.Single(_legacy.Documents);
        Assert.Empty(_cloud.Documents);
    }

    [Fact]
    public async Task Router_nothingRoutedToLegacy_neverBuildsTheLegacyClient()
    {
        // Arrange
        var legacy = new Lazy<IErpClient>(() => throw new InvalidOperationException("legacy ERP is not configured"));
        var router = new ErpRouter(_cloud, legacy, Monitor(new ErpRoutingOptions()), _time, NullLogger<ErpRouter>.Instance);

        // Act
        var erpOrderId = await router.CreateSalesOrderAsync(SalesOrder("DC1"), "order-shopify-1", CancellationToken.None);
        await router.PostInvoiceAsync(new ErpInvoice(erpOrderId, "order-shopify-1", "USD", [], 0m), "order-shopify-1-invoice", CancellationToken.None);

        // Assert
        Assert.False(legacy.IsValueCreated);
        Assert.Equal(2, _cloud.Documents.Count);
    }

    [Theory]
    [InlineData("2026-10-31T23:59:59Z", ErpSystem.Legacy)]
    [InlineData("2026-11-01T00:00:00Z", ErpSystem.Cloud)]
    [InlineData("2027-01-01T00:00:00Z", ErpSystem.Cloud)]
    public void SiteRoute_aroundCutover_switchesAtTheInstant(string now, ErpSystem expected)
    {
        // Arrange
        var route = new ErpSiteRoute { Erp = ErpSystem.Cloud, CutoverAt = Cutover };

        // Act
        var erp = route.At(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        // Assert
        Assert.Equal(expected, erp);
    }

    private ErpRouter Router(ErpRoutingOptions options) =>
        new(_cloud, new Lazy<IErpClient>(() => _legacy), Monitor(options), _time, NullLogger<ErpRouter>.Instance);

    private static ErpRoutingOptions LegacyByDefault(params (string Site, ErpSystem Erp, DateTimeOffset? CutoverAt)[] sites)
    {
        var options = new ErpRoutingOptions { Default = ErpSystem.Legacy };
        foreach (var (site, erp, cutoverAt) in sites)
        {
            options.Sites[site] = new ErpSiteRoute { Erp = erp, CutoverAt = cutoverAt };
        }

        return options;
    }

    private static IOptionsMonitor<ErpRoutingOptions> Monitor(ErpRoutingOptions options) => new StaticMonitor(options);

    private static ErpSalesOrder SalesOrder(string site) =>
        new("order-key", "shopify", "1", "USD", [new ErpOrderLine("ITEM-1", site, 1, 10m, 0m, 0m)], 0m, 10m, false);

    private sealed class StaticMonitor(ErpRoutingOptions value) : IOptionsMonitor<ErpRoutingOptions>
    {
        public ErpRoutingOptions CurrentValue => value;

        public ErpRoutingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ErpRoutingOptions, string?> listener) => null;
    }
}
