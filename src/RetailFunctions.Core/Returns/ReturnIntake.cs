using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Returns;

/// <summary>What every channel handler does with a mapped return: keep it, then start its <c>ReturnRefund</c> process.</summary>
public sealed partial class ReturnIntake(IReturnLedger returns, ILogger<ReturnIntake> logger)
{
    public async Task AcceptAsync(ReturnRequest request, IOrderWorkflow workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workflow);
        var isNew = await returns.RecordRequestAsync(request, cancellationToken);
        // Also for a redelivery: the first delivery may have failed between keeping the request and starting the process.
        await workflow.StartReturnAsync(request.Channel, request.ReturnId, cancellationToken);
        LogAccepted(request.ReturnKey, request.Order.Channel ?? "any", request.Order.ChannelOrderId, isNew);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Return {ReturnKey} against {OrderChannel} order {OrderId} taken in (new: {IsNew})")]
    private partial void LogAccepted(string returnKey, string orderChannel, string orderId, bool isNew);
}
