namespace RetailFunctions.Core.Inventory;

/// <summary>A channel's two call budgets: single-value calls (none for Shopify) and batch calls.</summary>
public sealed record ChannelCallBudgets(CallBudget? Single, CallBudget Batch)
{
    public static ChannelCallBudgets For(ChannelInventoryOptions rules, TimeProvider time) => new(
        rules.SingleCallsPerSecond > 0 ? new CallBudget(rules.SingleCallsPerSecond, rules.SingleCallBurst, time) : null,
        new CallBudget(rules.BatchCallsPerSecond, rules.BatchCallBurst, time));
}
