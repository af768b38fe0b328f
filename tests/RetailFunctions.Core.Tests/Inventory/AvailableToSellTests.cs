using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Tests.Inventory;

public sealed class AvailableToSellTests
{
    [Fact]
    public void Apply_noRules_isOnHandLessReservedSafetyAndBuffer()
    {
        var ats = AvailableToSell.Apply(onHand: 100, reserved: 10, safetyStock: 5, new ChannelInventoryOptions { Buffer = 3 });

        Assert.Equal(82, ats);
    }

    [Fact]
    public void Apply_reservedAboveOnHand_isZeroNotNegative()
    {
        Assert.Equal(0, AvailableToSell.Apply(onHand: 3, reserved: 5, safetyStock: 0, new ChannelInventoryOptions()));
    }

    [Fact]
    public void Apply_allocationThenMaxListed_appliedInThatOrder()
    {
        var rules = new ChannelInventoryOptions { AllocationPercent = 50, MaxListed = 30 };

        Assert.Equal(30, AvailableToSell.Apply(100, 0, 0, rules));
        Assert.Equal(20, AvailableToSell.Apply(41, 0, 0, rules));
    }

    [Fact]
    public void Apply_allocation_roundsDown()
    {
        Assert.Equal(3, AvailableToSell.Apply(7, 0, 0, new ChannelInventoryOptions { AllocationPercent = 50 }));
    }

    [Fact]
    public void Apply_belowEndWhenBelow_isZero()
    {
        var rules = new ChannelInventoryOptions { EndWhenBelow = 3 };

        Assert.Equal(0, AvailableToSell.Apply(2, 0, 0, rules));
        Assert.Equal(3, AvailableToSell.Apply(3, 0, 0, rules));
    }

    [Fact]
    public void Apply_endWhenBelow_judgedAfterAllocation()
    {
        // 10 free, 20 % → 2, below 3 → ended; judged on the allocated value, not the free stock.
        Assert.Equal(0, AvailableToSell.Apply(10, 0, 0, new ChannelInventoryOptions { AllocationPercent = 20, EndWhenBelow = 3 }));
    }

    [Fact]
    public void ForChannel_locationsConfigured_countsOnlyThose()
    {
        StockPosition[] positions =
        [
            StockPosition.Empty("SKU-1", "DC1") with { OnHand = 10, Reserved = 2 },
            StockPosition.Empty("SKU-1", "STORE-001") with { OnHand = 5 },
        ];

        Assert.Equal(13, AvailableToSell.ForChannel(positions, 0, new ChannelInventoryOptions()));
        Assert.Equal(8, AvailableToSell.ForChannel(positions, 0, new ChannelInventoryOptions { Locations = ["DC1"] }));
    }

    [Fact]
    public void Apply_randomInputs_neverNegativeNeverAboveFreeStockNeverAboveMaxListed()
    {
        var random = new Random(4242);
        for (var i = 0; i < 10_000; i++)
        {
            var onHand = random.Next(-50, 1_000);
            var reserved = random.Next(0, 500);
            var safety = random.Next(0, 20);
            var rules = new ChannelInventoryOptions
            {
                Buffer = random.Next(0, 20),
                AllocationPercent = random.Next(0, 101),
                MaxListed = random.Next(3) == 0 ? null : random.Next(0, 300),
                EndWhenBelow = random.Next(0, 10),
            };

            var ats = AvailableToSell.Apply(onHand, reserved, safety, rules);

            Assert.InRange(ats, 0, Math.Max(0, onHand - reserved));
            Assert.True(rules.MaxListed is null || ats <= rules.MaxListed, $"case {i}: {ats} above max listed {rules.MaxListed}");
            Assert.True(ats == 0 || ats >= rules.EndWhenBelow, $"case {i}: {ats} listed below end-when-below {rules.EndWhenBelow}");
        }
    }
}
