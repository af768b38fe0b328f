namespace RetailFunctions.Core.Returns;

public sealed class ReturnsOptions
{
    public const string SectionName = "Returns";

    /// <summary>Days after the (last) shipment, or the sale at the counter, within which a return is accepted.</summary>
    public int WindowDays { get; set; } = 30;

    public TimeSpan Window => TimeSpan.FromDays(WindowDays);

    /// <summary>First wait before a parked return (order not in the ledger yet) is matched again; doubles each time.</summary>
    public TimeSpan UnmatchedRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between two attempts to match a parked return.</summary>
    public TimeSpan UnmatchedRetryMaxInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The wait before attempt <paramref name="attempt"/> (0-based) to match a parked return.</summary>
    public TimeSpan UnmatchedRetryDelay(int attempt) =>
        TimeSpan.FromTicks(Math.Min(UnmatchedRetryMaxInterval.Ticks, UnmatchedRetryInterval.Ticks * (1L << Math.Clamp(attempt, 0, 20))));
}
