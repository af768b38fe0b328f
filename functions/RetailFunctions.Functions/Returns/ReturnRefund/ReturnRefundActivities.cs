using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Returns.Workflow;

namespace RetailFunctions.Functions.Returns.ReturnRefund;

/// <summary>The activities of <see cref="ReturnRefundOrchestrator"/>: each hands its step to <see cref="ReturnRefundSteps"/>.</summary>
public sealed class ReturnRefundActivities(ReturnRefundSteps steps)
{
    public const string Prepare = "ReturnRefund_Prepare";
    public const string Reject = "ReturnRefund_Reject";
    public const string Park = "ReturnRefund_Park";
    public const string Restock = "ReturnRefund_Restock";
    public const string PostCreditMemo = "ReturnRefund_PostCreditMemo";
    public const string ConfirmRefund = "ReturnRefund_ConfirmRefund";
    public const string Complete = "ReturnRefund_Complete";
    public const string Fail = "ReturnRefund_Fail";

    [Function(Prepare)]
    public Task<ReturnDecision> PrepareAsync([ActivityTrigger] ReturnRefundInput input, CancellationToken cancellationToken) =>
        steps.PrepareAsync(input, cancellationToken);

    [Function(Reject)]
    public Task RejectAsync([ActivityTrigger] ReturnOutcome rejection, CancellationToken cancellationToken) =>
        steps.RejectAsync(rejection, cancellationToken);

    [Function(Park)]
    public Task ParkAsync([ActivityTrigger] ReturnOutcome parked, CancellationToken cancellationToken) =>
        steps.ParkAsync(parked, cancellationToken);

    [Function(Restock)]
    public Task RestockAsync([ActivityTrigger] PreparedReturn prepared, CancellationToken cancellationToken) =>
        steps.RestockAsync(prepared, cancellationToken);

    // The ERP's and the channel's long Retry-After is waited out by the orchestrator on a durable timer, not here.
    [Function(PostCreditMemo)]
    public async Task<string> PostCreditMemoAsync([ActivityTrigger] PreparedReturn prepared, CancellationToken cancellationToken)
    {
        using var retryLater = RetryLaterScope.Begin();
        return await steps.PostCreditMemoAsync(prepared, cancellationToken);
    }

    [Function(ConfirmRefund)]
    public async Task ConfirmRefundAsync([ActivityTrigger] PreparedReturn prepared, CancellationToken cancellationToken)
    {
        using var retryLater = RetryLaterScope.Begin();
        await steps.ConfirmRefundAsync(prepared, cancellationToken);
    }

    [Function(Complete)]
    public Task CompleteAsync([ActivityTrigger] PreparedReturn prepared, CancellationToken cancellationToken) =>
        steps.CompleteAsync(prepared, cancellationToken);

    [Function(Fail)]
    public Task FailAsync([ActivityTrigger] ReturnOutcome failure, CancellationToken cancellationToken) =>
        steps.FailAsync(failure, cancellationToken);
}
