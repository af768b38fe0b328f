using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Telemetry;

namespace RetailFunctions.Functions.Orders.OrderToCash;

/// <summary>
/// What every OrderToCash activity runs inside: a span continuing the order's trace, tagged with the order key, and a
/// logging scope carrying the order key, so each log line of the step (the ERP client's too) names its order; and a
/// <see cref="RetryLaterScope"/>: the orchestrator retries the step on a durable timer, so a long <c>Retry-After</c> is not
/// waited out inside it.
/// </summary>
internal sealed class OrderActivityScope : IDisposable
{
    public const string OrderKeyTag = "retail.order_key";
    private readonly Activity? _span;
    private readonly IDisposable? _logScope;
    private readonly IDisposable _retryLater;

    private OrderActivityScope(Activity? span, IDisposable? logScope, IDisposable retryLater)
    {
        _span = span;
        _logScope = logScope;
        _retryLater = retryLater;
    }

    public static OrderActivityScope Begin(ILogger logger, string step, string orderKey, string? traceParent)
    {
        var span = RetailActivity.Continue(step, traceParent)?.SetTag(OrderKeyTag, orderKey);
        return new OrderActivityScope(span, logger.BeginScope(new Dictionary<string, object> { ["OrderKey"] = orderKey }), RetryLaterScope.Begin());
    }

    public void Dispose()
    {
        _retryLater.Dispose();
        _logScope?.Dispose();
        _span?.Dispose();
    }
}
