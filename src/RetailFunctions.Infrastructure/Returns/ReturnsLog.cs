using Microsoft.Extensions.Logging;

namespace RetailFunctions.Infrastructure.Returns;

internal static partial class ReturnsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Refund of return {ReturnKey} confirmed to the channel for order {OrderId}")]
    public static partial void LogRefundConfirmed(this ILogger logger, string orderId, string returnKey);
}
