using RetailFunctions.Core.Events;
using RetailFunctions.Core.Returns;

namespace RetailFunctions.Core.Tests.Fakes;

internal sealed class FakeReturnLedger : IReturnLedger
{
    public Dictionary<(string Channel, string ReturnId), ReturnRequest> Requests { get; } = [];

    public Dictionary<(string Channel, string ReturnId), List<ReturnProgress>> Progress { get; } = [];

    public Task<bool> RecordRequestAsync(ReturnRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Requests.TryAdd((request.Channel, request.ReturnId), request));

    public Task<ReturnRequest?> FindRequestAsync(string channel, string returnId, CancellationToken cancellationToken) =>
        Task.FromResult(Requests.GetValueOrDefault((channel, returnId)));

    public Task<ReturnRecord?> FindAsync(string channel, string returnId, CancellationToken cancellationToken)
    {
        if (!Requests.TryGetValue((channel, returnId), out var request))
        {
            return Task.FromResult<ReturnRecord?>(null);
        }

        var steps = Progress.GetValueOrDefault((channel, returnId)) ?? [];
        return Task.FromResult<ReturnRecord?>(new ReturnRecord(
            channel, returnId, steps.LastOrDefault()?.Status ?? ReturnStatus.Received, request.Order,
            steps.LastOrDefault(s => s.OrderChannel is not null)?.OrderChannel, steps.LastOrDefault(s => s.ChannelOrderId is not null)?.ChannelOrderId,
            request.Lines, request.Location, steps.LastOrDefault(s => s.Currency is not null)?.Currency,
            steps.LastOrDefault(s => s.RefundAmount is not null)?.RefundAmount, steps.LastOrDefault(s => s.CreditMemoId is not null)?.CreditMemoId,
            steps.LastOrDefault()?.Reason, request.RequestedAt, request.RequestedAt));
    }

    /// <summary>The events committed with a step, in order.</summary>
    public RecordingRetailEvents Announced { get; } = new();

    public async Task UpdateProgressAsync(string channel, string returnId, ReturnProgress progress, RetailEvent announcement, CancellationToken cancellationToken)
    {
        await UpdateProgressAsync(channel, returnId, progress, cancellationToken);
        await Announced.PublishAsync(announcement, cancellationToken);
    }

    public Task UpdateProgressAsync(string channel, string returnId, ReturnProgress progress, CancellationToken cancellationToken)
    {
        if (!Requests.ContainsKey((channel, returnId)))
        {
            throw new InvalidOperationException("Return not in the fake ledger.");
        }

        if (!Progress.TryGetValue((channel, returnId), out var steps))
        {
            Progress[(channel, returnId)] = steps = [];
        }

        steps.Add(progress);
        return Task.CompletedTask;
    }
}
