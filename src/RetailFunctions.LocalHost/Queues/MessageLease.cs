using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using RetailFunctions.LocalHost.Hosting;

namespace RetailFunctions.LocalHost.Queues;

/// <summary>
/// Keeps a received message invisible while its function runs, in short renewed leases as the Functions queue
/// extension does: a host that dies mid-message (SIGKILL) hands the message back within one lease instead of the
/// ten minutes a single long lease would hold it for.
/// </summary>
internal sealed class MessageLease : IAsyncDisposable
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;

    public MessageLease(QueueClient queue, QueueMessage message, Action<Exception> renewalFailed)
    {
        _queue = queue;
        _messageId = message.MessageId;
        PopReceipt = message.PopReceipt;
        _renewals = RenewAsync(renewalFailed);
    }

    /// <summary>The receipt of the latest renewal: deleting or releasing the message needs it.</summary>
    public string PopReceipt { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewals;
        _stop.Dispose();
    }

    private async Task RenewAsync(Action<Exception> renewalFailed)
    {
        using var timer = new PeriodicTimer(Duration / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    PopReceipt = (await _queue.UpdateMessageAsync(_messageId, PopReceipt, visibilityTimeout: Duration, cancellationToken: CancellationToken.None)).Value.PopReceipt;
                }
                catch (Exception ex) when (StorageOutage.IsTransient(ex))
                {
                    // Not cancelled in flight (a renewal applied but unanswered would leave a stale receipt). Storage away
                    // for a moment: the next tick tries again; at worst the lease ends and the message returns.
                    renewalFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }
}
