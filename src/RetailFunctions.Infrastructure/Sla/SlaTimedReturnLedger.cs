using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Sla;

namespace RetailFunctions.Infrastructure.Sla;

/// <summary>
/// The return ledger with the <see cref="SlaFlows.ReturnToRefund"/> clock attached: a newly recorded return starts it,
/// <see cref="ReturnStatus.Refunded"/> stops it, a rejected return abandons it.
/// </summary>
public sealed class SlaTimedReturnLedger(IReturnLedger inner, SlaTracker tracker, ILogger<SlaTimedReturnLedger> logger) : IReturnLedger
{
    public async Task<bool> RecordRequestAsync(ReturnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recorded = await inner.RecordRequestAsync(request, cancellationToken);
        if (recorded)
        {
            await SlaTiming.SafelyAsync(logger, SlaFlows.ReturnToRefund, () => tracker.StartAsync(SlaFlows.ReturnToRefund, Subject(request.Channel, request.ReturnId), cancellationToken));
        }

        return recorded;
    }

    public async Task UpdateProgressAsync(string channel, string returnId, ReturnProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await inner.UpdateProgressAsync(channel, returnId, progress, cancellationToken);
        await TimeAsync(channel, returnId, progress, cancellationToken);
    }

    public async Task UpdateProgressAsync(string channel, string returnId, ReturnProgress progress, RetailEvent announcement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await inner.UpdateProgressAsync(channel, returnId, progress, announcement, cancellationToken);
        await TimeAsync(channel, returnId, progress, cancellationToken);
    }

    public Task<ReturnRequest?> FindRequestAsync(string channel, string returnId, CancellationToken cancellationToken) =>
        inner.FindRequestAsync(channel, returnId, cancellationToken);

    public Task<ReturnRecord?> FindAsync(string channel, string returnId, CancellationToken cancellationToken) =>
        inner.FindAsync(channel, returnId, cancellationToken);

    private static string Subject(string channel, string returnId) => $"{channel}/return/{returnId}";

    private async Task TimeAsync(string channel, string returnId, ReturnProgress progress, CancellationToken cancellationToken)
    {
        if (progress.Status is ReturnStatus.Refunded)
        {
            await SlaTiming.SafelyAsync(logger, SlaFlows.ReturnToRefund, () => tracker.StopAsync(SlaFlows.ReturnToRefund, Subject(channel, returnId), cancellationToken));
        }
        else if (progress.Status is ReturnStatus.Rejected)
        {
            await SlaTiming.SafelyAsync(logger, SlaFlows.ReturnToRefund, () => tracker.AbandonAsync(SlaFlows.ReturnToRefund, Subject(channel, returnId), cancellationToken));
        }
    }
}
