using Microsoft.Extensions.Logging;

namespace RetailFunctions.Infrastructure.BackOffice;

internal static partial class BackOfficeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{System} {Operation} done for {Reference}: {Result}")]
    public static partial void Done(this ILogger logger, string system, string operation, string reference, string result);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{System} has no {Operation}; nothing sent for {Reference}")]
    public static partial void NotApplicable(this ILogger logger, string system, string operation, string reference);
}
