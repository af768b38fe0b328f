namespace RetailFunctions.Core.Recovery;

/// <summary>Per-channel watermarks and signs of life, shared by every instance of the app.</summary>
public interface IChannelWatchStore
{
    Task<ChannelWatch> GetAsync(string channel, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChannelWatch>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Notes an authentic webhook. Cheap to call for every delivery: writes at most every few seconds.</summary>
    Task RecordWebhookAsync(string channel, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a finished poll: the new watermark (never moved back) and how many orders it recovered.</summary>
    Task RecordPollAsync(ChannelWatch before, DateTimeOffset watermark, DateTimeOffset polledAt, int recovered, CancellationToken cancellationToken);

    Task RecordQuietAlertAsync(string channel, DateTimeOffset at, CancellationToken cancellationToken);
}
