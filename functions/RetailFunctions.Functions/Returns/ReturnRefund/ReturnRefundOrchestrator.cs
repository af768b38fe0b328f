using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Returns.Workflow;
using RetailFunctions.Functions.Durable;

namespace RetailFunctions.Functions.Returns.ReturnRefund;

/// <summary>
/// DESIGN §1.6: find the sale and check the policy → restock (or write off) → ERP credit memo → refund confirmed to the
/// channel of the sale → <c>return.completed</c>. A refused return ends <c>Rejected</c> with the reason; a step that fails
/// for good ends <c>Failed</c>. A return whose order is not in the ledger yet is <c>Parked</c> with the reason and looked
/// for again after a durable timer (backing off), continuing as new so its history stays short: never dropped. Deterministic: all I/O is in <see cref="ReturnRefundActivities"/>.
/// </summary>
public static class ReturnRefundOrchestrator
{
    public const string Name = "ReturnRefund";

    /// <summary>
    /// Transient failures (ERP or channel down, throttling) are retried for about two minutes, longer when the system
    /// asked for a longer <c>Retry-After</c>; rejections are not.
    /// </summary>
    private static readonly TaskOptions Retry = BackOfficeRetry.Options(8, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));

    [Function(Name)]
    public static async Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<ReturnRefundInput>() ?? throw new InvalidOperationException("ReturnRefund needs an input.");
        try
        {
            var decision = await context.CallActivityAsync<ReturnDecision>(ReturnRefundActivities.Prepare, input, Retry);
            if (decision.Unmatched is { } unmatched)
            {
                await context.CallActivityAsync(ReturnRefundActivities.Park, new ReturnOutcome(input.Channel, input.ReturnId, input.ReturnKey, unmatched), Retry);
                await context.CreateTimer(context.CurrentUtcDateTime + (decision.RetryAfter ?? TimeSpan.FromMinutes(1)), CancellationToken.None);
                context.ContinueAsNew(input with { UnmatchedAttempts = input.UnmatchedAttempts + 1 });
                return nameof(ReturnStatus.Parked);
            }

            if (decision.Return is not { } prepared)
            {
                await context.CallActivityAsync(
                    ReturnRefundActivities.Reject,
                    new ReturnOutcome(input.Channel, input.ReturnId, input.ReturnKey, decision.Rejection ?? "Refused by the return policy."),
                    Retry);
                return nameof(ReturnStatus.Rejected);
            }

            await context.CallActivityAsync(ReturnRefundActivities.Restock, prepared, Retry);
            await context.CallActivityAsync<string>(ReturnRefundActivities.PostCreditMemo, prepared, Retry);
            await context.CallActivityAsync(ReturnRefundActivities.ConfirmRefund, prepared, Retry);
            await context.CallActivityAsync(ReturnRefundActivities.Complete, prepared, Retry);
            return nameof(ReturnStatus.Refunded);
        }
        catch (TaskFailedException ex)
        {
            await context.CallActivityAsync(
                ReturnRefundActivities.Fail,
                new ReturnOutcome(input.Channel, input.ReturnId, input.ReturnKey, $"{ex.TaskName} failed: {ex.FailureDetails.ErrorMessage}"),
                Retry);
            return nameof(ReturnStatus.Failed);
        }
    }
}
