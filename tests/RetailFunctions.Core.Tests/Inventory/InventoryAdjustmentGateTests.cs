using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.Inventory;

public sealed class InventoryAdjustmentGateTests
{
    private const string Secret = "test-inventory-secret";
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);
    private readonly InMemoryWebhookReceipts _receipts = new();
    private readonly InMemoryInventoryPositions _positions = new();
    private readonly InMemoryAdjustmentWatermarks _watermarks = new();
    private readonly RecordingChangeQueue _queue = new();
    private readonly InventoryAdjustmentGate _gate;

    public InventoryAdjustmentGateTests()
    {
        _gate = new InventoryAdjustmentGate(
            _receipts,
            _positions,
            _watermarks,
            _queue,
            new FixedTimeProvider(Now),
            Options.Create(new WebhookOptions { MaxBodyBytes = 4096 }),
            new TestOptions<InventoryOptions>(new InventoryOptions { AdjustmentsSecret = Secret }),
            NullLogger<InventoryAdjustmentGate>.Instance);
    }

    [Fact]
    public async Task Accept_signedAdjustment_queuesItsItems()
    {
        var outcome = await _gate.AcceptAsync(Request(Body(5, """{"sku":"SKU-9001","location":"DC1","onHand":37}""")), CancellationToken.None);

        Assert.Equal(WebhookOutcomeKind.Accepted, outcome.Kind);
        var message = Assert.Single(_queue.Messages);
        Assert.Equal(("erp", 5L, Now), (message.Source, message.Sequence, message.ReceivedAt));
        Assert.Equal(new AdjustmentItem("SKU-9001", "DC1", 37, 0), Assert.Single(message.Items));
    }

    [Fact]
    public async Task Accept_itemOlderThanLastApplied_isReportedAndNotQueued()
    {
        await AppliedAsync(9, new AdjustmentItem("SKU-9001", "DC1", 40, 0));

        var outcome = await _gate.AcceptAsync(
            Request(Body(5, """{"sku":"SKU-9001","location":"DC1","onHand":37},{"sku":"SKU-9002","location":"DC1","delta":-1}""")),
            CancellationToken.None);

        Assert.Equal(WebhookOutcomeKind.Accepted, outcome.Kind);
        Assert.Equal(new IgnoredAdjustment("SKU-9001", "DC1", 9, "stale-sequence"), Assert.Single(outcome.Ignored!));
        Assert.Equal(["SKU-9002"], _queue.Messages.SelectMany(m => m.Items).Select(i => i.Sku));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(13)]
    public async Task Accept_sequenceAtOrAboveWatermark_readsNoPositionAndQueuesEveryItem(long sequence)
    {
        await AppliedAsync(12, new AdjustmentItem("SKU-9001", "DC1", 40, 0));
        var items = Enumerable.Range(0, 40).Select(i => $$"""{"sku":"SKU-{{9001 + i}}","location":"DC1","onHand":{{i}}}""");

        var outcome = await _gate.AcceptAsync(Request(Body(sequence, string.Join(",", items))), CancellationToken.None);

        Assert.Equal((WebhookOutcomeKind.Accepted, 40), (outcome.Kind, outcome.Queued));
        Assert.Empty(outcome.Ignored!);
        Assert.Equal(0, _positions.Lookups);
        Assert.Equal(sequence, _watermarks["erp"]);
    }

    [Fact]
    public async Task Accept_sequenceBelowWatermark_readsEachPositionAndReportsStaleItemsInTheSendersOrder()
    {
        await AppliedAsync(14, new AdjustmentItem("SKU-9003", "DC1", 40, 0));
        await AppliedAsync(12, new AdjustmentItem("SKU-9001", "DC1", 40, 0));
        await AppliedAsync(8, new AdjustmentItem("SKU-9002", "DC1", 40, 0));

        var outcome = await _gate.AcceptAsync(
            Request(Body(10, """{"sku":"SKU-9003","location":"DC1","onHand":1},{"sku":"SKU-9002","location":"DC1","onHand":2},{"sku":"SKU-9001","location":"DC1","delta":-1}""")),
            CancellationToken.None);

        Assert.Equal(3, _positions.Lookups);
        Assert.Equal(
            [new IgnoredAdjustment("SKU-9003", "DC1", 14, "stale-sequence"), new IgnoredAdjustment("SKU-9001", "DC1", 12, "stale-sequence")],
            outcome.Ignored!);
        Assert.Equal(["SKU-9002"], _queue.Messages.SelectMany(m => m.Items).Select(i => i.Sku));
        Assert.Equal(14, _watermarks["erp"]);
    }

    [Fact]
    public async Task Accept_firstAdjustmentOfASource_raisesItsWatermarkBeforeQueueing()
    {
        long? watermarkWhenQueued = null;
        _queue.OnEnqueue = _ => watermarkWhenQueued = _watermarks["erp"];

        await _gate.AcceptAsync(Request(Body(21, """{"sku":"SKU-9001","location":"DC1","delta":-1}""")), CancellationToken.None);

        Assert.Equal(21, watermarkWhenQueued);
        Assert.Equal(0, _positions.Lookups);
    }

    [Theory]
    [InlineData(null, 5L, false)]
    [InlineData(4L, 5L, false)]
    [InlineData(5L, 5L, false)]
    [InlineData(6L, 5L, true)]
    public void MayHaveStaleItems_sequenceAgainstWatermark_trueOnlyBelowIt(long? watermark, long sequence, bool expected) =>
        Assert.Equal(expected, AdjustmentWatermark.MayHaveStaleItems(watermark, sequence));

    [Fact]
    public async Task Accept_sameSourceAndSequenceTwice_secondIsDuplicate()
    {
        var body = Body(6, """{"sku":"SKU-9001","location":"DC1","delta":-1}""");
        await _gate.AcceptAsync(Request(body), CancellationToken.None);

        var second = await _gate.AcceptAsync(Request(body), CancellationToken.None);

        Assert.Equal(WebhookOutcomeKind.Duplicate, second.Kind);
        Assert.Single(_queue.Messages);
    }

    [Fact]
    public async Task Accept_sameSequenceWhileAnotherDeliveryIsStillAdmittingIt_isInProgressAndQueuesNothing()
    {
        _receipts.Receipts[(InventoryAdjustmentGate.DedupeChannel("erp"), "7")] = "Pending";
        var gate = new InventoryAdjustmentGate(_receipts, _positions, _watermarks, _queue, new FixedTimeProvider(Now), Options.Create(new WebhookOptions { InProgressWait = TimeSpan.FromMilliseconds(200) }), new TestOptions<InventoryOptions>(new InventoryOptions { AdjustmentsSecret = Secret }), NullLogger<InventoryAdjustmentGate>.Instance);

        var outcome = await gate.AcceptAsync(Request(Body(7, """{"sku":"SKU-9001","location":"DC1","delta":-1}""")), CancellationToken.None);

        Assert.Equal(WebhookOutcomeKind.InProgress, outcome.Kind);
        Assert.Empty(_queue.Messages);
    }

    [Fact]
    public async Task Accept_500Items_splitIntoMessagesOf200()
    {
        var items = string.Join(",", Enumerable.Range(0, 500).Select(i => $$"""{"sku":"S{{i}}","location":"DC1","delta":1}"""));
        var gate = new InventoryAdjustmentGate(_receipts, _positions, _watermarks, _queue, new FixedTimeProvider(Now), Options.Create(new WebhookOptions()), new TestOptions<InventoryOptions>(new InventoryOptions { AdjustmentsSecret = Secret }), NullLogger<InventoryAdjustmentGate>.Instance);

        await gate.AcceptAsync(Request(Body(7, items)), CancellationToken.None);

        Assert.Equal([200, 200, 100], _queue.Messages.Select(m => m.Items.Count));
    }

    public static TheoryData<string, WebhookOutcomeKind, string> Rejections => new()
    {
        { "too-large", WebhookOutcomeKind.TooLarge, "body" },
        { "text-plain", WebhookOutcomeKind.UnsupportedMediaType, "Content-Type" },
        { "wrong-secret", WebhookOutcomeKind.Unauthorized, "signature" },
        { "expired", WebhookOutcomeKind.Unauthorized, "signature" },
        { "malformed-and-unsigned", WebhookOutcomeKind.Unauthorized, "signature" },
        { "bad-item", WebhookOutcomeKind.Malformed, "items[0].location" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Accept_rejected_writesNothing(string problem, WebhookOutcomeKind expected, string field)
    {
        var body = Body(8, """{"sku":"SKU-9001","location":"DC1","delta":-1}""");
        var request = problem switch
        {
            "too-large" => Request(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body) + new string(' ', 5000))),
            "text-plain" => Request(body, contentType: "text/plain"),
            "wrong-secret" => Request(body, RetailSignature.Create(body, "another-secret", Now)),
            "expired" => Request(body, RetailSignature.Create(body, Secret, Now.AddMinutes(-6))),
            "malformed-and-unsigned" => Request(Encoding.UTF8.GetBytes("{"), ""),
            "bad-item" => Request(Body(8, """{"sku":"SKU-9001","delta":-1}""")),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var outcome = await _gate.AcceptAsync(request, CancellationToken.None);

        Assert.Equal((expected, field), (outcome.Kind, outcome.Field));
        Assert.Empty(_receipts.Receipts);
        Assert.Empty(_queue.Messages);
    }

    /// <summary>What admitting and then applying the sequence leaves behind: the watermark raised, the position written.</summary>
    private async Task AppliedAsync(long sequence, AdjustmentItem item)
    {
        await _watermarks.RaiseAsync("erp", sequence, CancellationToken.None);
        await _positions.ApplyAsync("erp", sequence, item, CancellationToken.None);
    }

    private static byte[] Body(long sequence, string items) =>
        Encoding.UTF8.GetBytes($$"""{"source":"erp","sequence":{{sequence}},"occurredAt":"2025-03-14T11:59:00Z","items":[{{items}}]}""");

    private static WebhookHttpRequest Request(byte[] body, string? signature = null, string contentType = "application/json")
    {
        var header = signature ?? RetailSignature.Create(body, Secret, Now);
        return new WebhookHttpRequest(
            "POST",
            "/api/inventory/adjustments",
            contentType,
            body.Length,
            name => name == RetailSignature.HeaderName && header.Length > 0 ? header : null,
            new MemoryStream(body));
    }
}
