using Microsoft.Extensions.Logging;

namespace RetailFunctions.Infrastructure.Returns;

internal static partial class ReturnsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Refund of return {ReturnKey} confirmed to the channel for order {OrderId}")]
    public static partial void LogRefundConfirmed(this ILogger logger, string orderId, string returnKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Return {ReturnKey} needs no refund call to {Channel} for order {OrderId}: refunded by the channel already, or nothing to refund")]
    public static partial void LogRefundNotNeeded(this ILogger logger, string channel, string orderId, string returnKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund of return {ReturnKey} sent as Amazon feed {FeedId}")]
    public static partial void LogRefundFeed(this ILogger logger, string returnKey, string feedId);
}
