using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Audit;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Orders.Workflow;

namespace RetailFunctions.Functions.Orders;

/// <summary>
/// Operators retry a <c>Failed</c> order once its cause is fixed (a SKU mapped, the ERP back). The retry is audited
/// under the <c>X-Retail-Operator</c> header's name (else <c>api</c>).
/// </summary>
public sealed class OrderRetryFunction(IOrderLedger ledger, IAuditTrail audit, TimeProvider time, IOptions<OrderToCashOptions> options)
{
    public const string OperatorHeader = "X-Retail-Operator";

    [Function("RetryOrder")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{channel}/{channelOrderId}/retry")] HttpRequest request,
        string channel,
        string channelOrderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        channel = channel.ToLowerInvariant();
        var order = await ledger.FindAsync(channel, channelOrderId, cancellationToken);
        if (order is null)
        {
            return new NotFoundResult();
        }

        if (order.Status != OrderStatus.Failed)
        {
            return new ConflictObjectResult(new ProblemDetails { Status = 409, Title = "Order is not Failed", Detail = $"The order is {order.Status}; only Failed orders are retried." });
        }

        // The ledger says Failed a moment before the orchestration records its end; a start now would be ignored.
        if (await client.GetInstanceAsync(OrderKeys.For(channel, channelOrderId), cancellationToken) is { IsCompleted: false })
        {
            return new ConflictObjectResult(new ProblemDetails { Status = 409, Title = "Order is still finishing", Detail = "The order's process has not ended yet; retry in a few seconds." });
        }

        await new DurableOrderWorkflow(client, options.Value).StartAsync(channel, channelOrderId, cancellationToken);
        await audit.AppendAsync(
            AuditEntries.New(
                time.GetUtcNow(),
                request.Headers[OperatorHeader].FirstOrDefault() is { Length: > 0 } name ? name : "api",
                AuditActions.OrderRetry,
                OrderKeys.For(channel, channelOrderId),
                new JsonObject { ["status"] = order.Status.ToString(), ["failureReason"] = order.FailureReason }.ToJsonString(),
                new JsonObject { ["status"] = "Retrying" }.ToJsonString()),
            cancellationToken);
        return new AcceptedResult($"/api/orders/{channel}/{channelOrderId}", new { status = "retrying", orderKey = OrderKeys.For(channel, channelOrderId) });
    }
}
