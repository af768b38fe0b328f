using Microsoft.Extensions.Logging;

namespace RetailFunctions.Infrastructure.Sla;

/// <summary>SLA clocks observe the flows and must never fail them: a clock that cannot be written is logged and skipped.</summary>
internal static partial class SlaTiming
{
    public static async Task SafelyAsync(ILogger logger, string step, Func<Task> timing)
    {
        try
        {
            await timing();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTimingFailed(logger, ex, step);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA clock for {Step} could not be written; the flow goes on untimed")]
    private static partial void LogTimingFailed(ILogger logger, Exception exception, string step);
}
