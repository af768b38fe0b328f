using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Channels.Amazon;
using RetailFunctions.Core.Channels.Shopify;
using RetailFunctions.Core.Channels.Walmart;
using RetailFunctions.Core.Recovery;

namespace RetailFunctions.Functions.SafetyNet;

/// <summary>
/// One timer per channel: polls its order API for orders whose webhook never came once <c>Recovery:PollInterval</c> has
/// passed (the timer ticks often so that the interval is configuration, not code), and reports the channel when it has
/// been quiet too long. Separate functions, so one channel's outage never delays another's recovery.
/// </summary>
public sealed class ChannelRecoveryFunctions(OrderRecoveryHandler recovery, ChannelQuietMonitor quiet)
{
    private const string Tick = "*/5 * * * * *";

    [Function("ShopifyOrderRecovery")]
    public Task Shopify([TimerTrigger(Tick)] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync(ShopifyWebhookChannel.ChannelName, cancellationToken);

    [Function("AmazonOrderRecovery")]
    public Task Amazon([TimerTrigger(Tick)] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync(AmazonWebhookChannel.ChannelName, cancellationToken);

    [Function("WalmartOrderRecovery")]
    public Task Walmart([TimerTrigger(Tick)] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync(WalmartWebhookChannel.ChannelName, cancellationToken);

    // The quiet check goes first: a channel API that is down must not also silence the alert about its webhooks.
    private async Task RunAsync(string channel, CancellationToken cancellationToken)
    {
        await quiet.CheckAsync(channel, cancellationToken);
        await recovery.PollIfDueAsync(channel, cancellationToken);
    }
}
