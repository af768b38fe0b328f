namespace RetailFunctions.Core.Recovery;

/// <summary>
/// An order as a channel's order API lists it, already shaped as the body of the webhook that should have announced
/// it (<paramref name="Topic"/> and <paramref name="Body"/>), so it takes exactly the webhook's ingestion path.
/// </summary>
public sealed record RecoverableOrder(string ChannelOrderId, DateTimeOffset UpdatedAt, string Topic, ReadOnlyMemory<byte> Body);

/// <summary>One page of a channel's order listing; <paramref name="NextPageToken"/> is null on the last page.</summary>
public sealed record RecoverableOrderPage(IReadOnlyList<RecoverableOrder> Orders, string? NextPageToken);
