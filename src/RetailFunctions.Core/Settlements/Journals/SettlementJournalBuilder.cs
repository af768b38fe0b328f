using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Settlements.Reconciliation;

namespace RetailFunctions.Core.Settlements.Journals;

/// <summary>
/// Turns a reconciled settlement into one balanced journal, one line per account: the deposit debited to the
/// clearing account, every raw type credited (or debited) to its mapped account, and every reported difference —
/// order variances, unknown orders, fee differences, lines not summing to the total — moved to the variance account.
/// </summary>
public static class SettlementJournalBuilder
{
    public static string JournalKey(string channel, string settlementId) => $"settlement-{channel}-{settlementId}";

    public static ErpJournal Build(SettlementReconciliation reconciliation, GlAccountOptions accounts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reconciliation);
        ArgumentNullException.ThrowIfNull(accounts);
        var summary = reconciliation.Summary;

        // Signed amounts per account, credit positive: they sum to zero by construction, so the journal balances.
        var credits = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var memos = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        Post(accounts.Clearing, -summary.TotalAmount, "deposit");
        foreach (var rawType in reconciliation.Contents.RawTypes)
        {
            Post(accounts.AccountFor(rawType.Kind, rawType.RawType), rawType.Amount, rawType.Kind.ToString().ToLowerInvariant());
        }

        Post(accounts.Variance, summary.Difference, "lines not summing to the total");
        var receivable = accounts.AccountFor(SettlementKind.Principal, string.Empty);
        var feeAccount = accounts.AccountFor(SettlementKind.Fee, string.Empty);
        var salesVariance = reconciliation.Orders.Sum(o => o.SalesVariance);
        var feeVariance = reconciliation.Orders.Sum(o => o.FeeVariance);
        Post(receivable, -salesVariance, "order variances");
        Post(accounts.Variance, salesVariance, "order variances");
        Post(feeAccount, -feeVariance, "fee differences");
        Post(accounts.Variance, feeVariance, "fee differences");

        var reference = $"{summary.Channel}:{summary.SettlementId}";
        var lines = credits
            .Where(c => c.Value != 0m)
            .OrderBy(c => c.Key == accounts.Clearing ? 0 : 1)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new ErpJournalLine(
                c.Key,
                c.Value < 0m ? -c.Value : 0m,
                c.Value > 0m ? c.Value : 0m,
                reference,
                string.Join(", ", memos[c.Key])))
            .ToList();

        var postingDate = summary.DepositDate ?? summary.PeriodEnd ?? now;
        return new ErpJournal(
            JournalKey(summary.Channel, summary.SettlementId),
            $"settlement:{summary.Channel}",
            summary.Currency,
            DateOnly.FromDateTime(postingDate.UtcDateTime),
            lines);

        void Post(string account, decimal amount, string memo)
        {
            if (amount == 0m)
            {
                return;
            }

            credits[account] = credits.GetValueOrDefault(account) + amount;
            if (!memos.TryGetValue(account, out var set))
            {
                set = new SortedSet<string>(StringComparer.Ordinal);
                memos[account] = set;
            }

            set.Add(memo);
        }
    }
}
