using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Tests.Inventory;

public sealed class CallBudgetTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Available_startsAtTheBurstAndRefillsAtTheRate()
    {
        var budget = new CallBudget(5, 10, _time);
        Assert.Equal(10, budget.Available());

        budget.Spend(10);
        Assert.Equal(0, budget.Available());

        _time.Advance(TimeSpan.FromSeconds(1.1));
        Assert.Equal(5, budget.Available());

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(10, budget.Available());
    }

    [Fact]
    public void Rest_nothingUntilRetryAfterThenRefillsFromEmpty()
    {
        var budget = new CallBudget(1 / 120.0, 15, _time);
        budget.Rest(TimeSpan.FromSeconds(30));

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, budget.Available());

        _time.Advance(TimeSpan.FromSeconds(1 + 120));
        Assert.Equal(1, budget.Available());
    }

    [Fact]
    public void Settle_refillWhileCallsWereInFlightIsNotCounted()
    {
        var budget = new CallBudget(5, 10, _time);
        budget.Spend(10);
        _time.Advance(TimeSpan.FromSeconds(0.4));

        budget.Settle();
        _time.Advance(TimeSpan.FromSeconds(0.8));

        Assert.Equal(4, budget.Available());
    }

    [Fact]
    public void NoRateConfigured_isUnlimited()
    {
        var budget = new CallBudget(0, 1, _time);
        budget.Spend(1_000);

        Assert.True(budget.Unlimited);
        Assert.Equal(int.MaxValue, budget.Available());
    }
}
