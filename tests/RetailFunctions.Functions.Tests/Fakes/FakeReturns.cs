using System.Collections.Concurrent;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Returns;

namespace RetailFunctions.Functions.Tests.Fakes;

/// <summary>An in-memory return ledger keeping every step; safe to read from the test while activities write.</summary>
internal sealed class FakeReturnLedger : IReturnLedger
{
    private readonly ConcurrentDictionary<(string Channel, string ReturnId), ReturnRequest> _requests = new();

    public ConcurrentDictionary<(string Channel, string ReturnId), ConcurrentQueue<ReturnProgress>> Progress { get; } = new();

    public Task<bool> RecordRequestAsync(ReturnRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(_requests.TryAdd((request.Channel, request.ReturnId), request));

    public Task<ReturnRequest?> FindRequestAsync(string channel, string returnId, CancellationToken cancellationToken) =>
        Task.FromResult(_requests.GetValueOrDefault((channel, returnId)));

    public Task<ReturnRecord?> FindAsync(string channel, string returnId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The workflow never reads the operator view of a return.");

    /// <summary>The events committed with a step, in order.</summary>
    public FakeRetailEvents Announced { get; } = new();

    public async Task UpdateProgressAsync(string channel, string returnId, ReturnProgress progress, RetailEvent announcement, CancellationToken cancellationToken)
    {
        await UpdateProgressAsync(channel, returnId, progress, cancellationToken);
        await Announced.PublishAsync(announcement, cancellationToken);
    }

    public Task UpdateProgressAsync(string channel, string returnId, ReturnProgress progress, CancellationToken cancellationToken)
    {
        Progress.GetOrAdd((channel, returnId), _ => new()).Enqueue(progress);
        return Task.CompletedTask;
    }
}

/// <summary>Restocks by return key: a repeated key adds no stock, as the inventory receipts do.</summary>
internal sealed class FakeStockReturns : IStockReturns
{
    public ConcurrentDictionary<string, IReadOnlyList<ReservationLine>> Restocked { get; } = new(StringComparer.Ordinal);

    public Task RestockAsync(string returnKey, IReadOnlyList<ReservationLine> lines, CancellationToken cancellationToken)
    {
        Restocked.TryAdd(returnKey, lines);
        return Task.CompletedTask;
    }
}

internal sealed class FakeChannelRefundApi(string channel) : IChannelRefundApi
{
    public string Channel => channel;

    public ConcurrentDictionary<string, (string ChannelOrderId, ChannelRefund Refund)> Confirmed { get; } = new(StringComparer.Ordinal);

    public Task ConfirmRefundAsync(string channelOrderId, ChannelRefund refund, string idempotencyKey, CancellationToken cancellationToken)
    {
        Confirmed.TryAdd(idempotencyKey, (channelOrderId, refund));
        return Task.CompletedTask;
    }
}
