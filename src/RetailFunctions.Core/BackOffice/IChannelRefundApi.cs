namespace RetailFunctions.Core.BackOffice;

/// <summary>Tells a sales channel that a return against one of its orders is refunded. One implementation per channel.</summary>
public interface IChannelRefundApi
{
    string Channel { get; }

    Task ConfirmRefundAsync(string channelOrderId, ChannelRefund refund, string idempotencyKey, CancellationToken cancellationToken);
}

/// <param name="AlreadyRefunded">The channel moved the money itself (its own refund started the return): the
/// confirmation records the return without refunding again.</param>
public sealed record ChannelRefund(string ReturnKey, string Currency, decimal Amount, IReadOnlyList<RefundLine> Lines, bool AlreadyRefunded);

public sealed record RefundLine(string Sku, int Quantity, decimal Amount);
