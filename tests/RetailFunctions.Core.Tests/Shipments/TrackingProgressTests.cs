using RetailFunctions.Core.Shipments;

namespace RetailFunctions.Core.Tests.Shipments;

public sealed class TrackingProgressTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 17, 9, 0, 0, TimeSpan.Zero);

    private static TrackingEvent At(TrackingStatus status, int hours) => new("1Z999", "UPS", status, Monday.AddHours(hours), null);

    [Fact]
    public void Supersedes_nothingRecorded_true() =>
        Assert.True(TrackingProgress.Supersedes(At(TrackingStatus.InTransit, 0), null));

    [Fact]
    public void Supersedes_laterScan_true() =>
        Assert.True(TrackingProgress.Supersedes(At(TrackingStatus.Exception, 5), At(TrackingStatus.OutForDelivery, 4)));

    [Fact]
    public void Supersedes_olderScanArrivingLate_false() =>
        Assert.False(TrackingProgress.Supersedes(At(TrackingStatus.InTransit, 1), At(TrackingStatus.OutForDelivery, 4)));

    [Fact]
    public void Supersedes_anythingAfterDelivered_false() =>
        Assert.False(TrackingProgress.Supersedes(At(TrackingStatus.InTransit, 9), At(TrackingStatus.Delivered, 4)));

    [Fact]
    public void Supersedes_deliveredWithAnEarlierClockThanTheLastScan_true() =>
        Assert.True(TrackingProgress.Supersedes(At(TrackingStatus.Delivered, 3), At(TrackingStatus.OutForDelivery, 4)));
}
