using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Core.Tests.Fakes;

internal sealed class RecordingRefundApi(string channel) : IChannelRefundApi
{
    public string Channel => channel;

    public List<(string ChannelOrderId, ChannelRefund Refund, string IdempotencyKey)> Confirmed { get; } = [];

    public Task ConfirmRefundAsync(string channelOrderId, ChannelRefund refund, string idempotencyKey, CancellationToken cancellationToken)
    {
        Confirmed.Add((channelOrderId, refund, idempotencyKey));
        return Task.CompletedTask;
    }
}
