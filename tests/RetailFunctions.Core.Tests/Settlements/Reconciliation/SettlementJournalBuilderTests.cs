using RetailFunctions.Core.Settlements;
using RetailFunctions.Core.Settlements.Journals;
using RetailFunctions.Core.Settlements.Reconciliation;

namespace RetailFunctions.Core.Tests.Settlements.Reconciliation;

public sealed class SettlementJournalBuilderTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 7, 0, 0, 0, TimeSpan.Zero);
    private readonly GlAccountOptions _accounts = new();

    [Fact]
    public void Build_allMatched_depositDebitedReceivableAndFeesBalanced()
    {
        var contents = new SettlementBuilder().Charge("#1001", 120.00m, 3.78m).Charge("#1002", 45.50m, 1.62m).Build();
        var reconciliation = new SettlementReconciler(new SettlementOptions()).Reconcile(
            contents, SettlementBuilder.ByNumber(SettlementBuilder.Order("5001", "#1001", 120.00m), SettlementBuilder.Order("5002", "#1002", 45.50m)), [], Now);

        var journal = SettlementJournalBuilder.Build(reconciliation, _accounts, Now);

        Assert.Equal("settlement-shopify-87654321", journal.JournalKey);
        Assert.Equal(new DateOnly(2024, 3, 6), journal.PostingDate);
        Assert.Equal(
            [("1020", 160.10m, 0m), ("1210", 0m, 165.50m), ("6110", 5.40m, 0m)],
            journal.Lines.Select(l => (l.Account, l.Debit, l.Credit)));
    }

    [Fact]
    public void Build_feeVarianceUnknownRefundAndUnbalancedFile_differencesOnTheVarianceAccount()
    {
        var contents = new SettlementBuilder()
            .Charge("#1004", 80.00m, 3.50m)
            .Line("#998", SettlementKind.Refund, -30.00m, "refund")
            .StatedTotal(47.50m)
            .Build();
        var reconciliation = new SettlementReconciler(new SettlementOptions()).Reconcile(
            contents, SettlementBuilder.ByNumber(SettlementBuilder.Order("5004", "#1004", 80.00m)), [], Now);

        var journal = SettlementJournalBuilder.Build(reconciliation, _accounts, Now);

        // Lines sum to 46.50 against 47.50 stated (+1.00); fee 3.50 against 2.62 (−0.88); refund of an unknown order (−30.00).
        Assert.Equal(journal.Lines.Sum(l => l.Debit), journal.Lines.Sum(l => l.Credit));
        var lines = journal.Lines.ToDictionary(l => l.Account, l => l.Credit - l.Debit);
        Assert.Equal(-47.50m, lines["1020"]);
        Assert.Equal(80.00m, lines["1210"]);
        Assert.Equal(-2.62m, lines["6110"]);
        Assert.Equal(1.00m - 0.88m - 30.00m, lines["6990"]);
        Assert.All(journal.Lines, l => Assert.True((l.Debit == 0m) != (l.Credit == 0m)));
    }

    [Fact]
    public void Build_rawTypeMapped_overridesTheKindAccount()
    {
        var accounts = new GlAccountOptions { RawTypes = { ["ItemFees/FBAPerUnitFulfillmentFee"] = "6120" } };
        var contents = new SettlementBuilder("amazon", "1")
            .Line("A-1", SettlementKind.Principal, 20.00m, "ItemPrice/Principal")
            .Line("A-1", SettlementKind.Fee, -3.00m, "ItemFees/Commission")
            .Line("A-1", SettlementKind.Fee, -2.00m, "ItemFees/FBAPerUnitFulfillmentFee")
            .Build();
        var reconciliation = new SettlementReconciler(new SettlementOptions()).Reconcile(
            contents, SettlementBuilder.ByNumber(SettlementBuilder.Order("A-1", null, 20.00m, channel: "amazon")), [], Now);

        var journal = SettlementJournalBuilder.Build(reconciliation, accounts, Now);

        Assert.Equal(
            [("1020", 15.00m, 0m), ("1210", 0m, 20.00m), ("6110", 3.00m, 0m), ("6120", 2.00m, 0m)],
            journal.Lines.Select(l => (l.Account, l.Debit, l.Credit)));
    }
}
