using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Serialization;
using RetailFunctions.Core.Telemetry;

namespace RetailFunctions.Core.Recovery;

/// <summary>
/// Reports a channel that has sent no webhook for longer than <see cref="OrderRecoveryOptions.QuietPeriod"/>: its
/// subscription has probably died. One alert per quiet spell (a warning, the metric, an event <c>channel.quiet</c>
/// and <see cref="ChannelWatch.QuietAlertAt"/>); the next webhook ends the spell.
/// </summary>
public sealed partial class ChannelQuietMonitor(
    IChannelWatchStore watches,
    IRetailEvents events,
    SafetyNetMetrics metrics,
    IOptionsMonitor<OrderRecoveryOptions> options,
    TimeProvider time,
    ILogger<ChannelQuietMonitor> logger)
{
    public const string QuietEventType = "channel.quiet";

    /// <returns>True when a new alert was raised.</returns>
    public async Task<bool> CheckAsync(string channel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var watch = await watches.GetAsync(channel, cancellationToken);
        var quietPeriod = options.CurrentValue.QuietPeriod;
        if (watch.LastSign is not { } lastSign || now - lastSign <= quietPeriod || watch.QuietAlertAt is { } alerted && alerted >= lastSign)
        {
            return false;
        }

        // The event first: its id is the spell's, so if the process dies before the alert is recorded, the next check
        // announces it again as a no-op and records it; the other way round the alert would be recorded and never announced.
        await events.PublishAsync(
            new RetailEvent(
                $"{QuietEventType}:{channel}:{lastSign.UtcTicks}",
                QuietEventType,
                $"channel-{channel}",
                channel,
                now,
                JsonSerializer.SerializeToElement(watch with { QuietAlertAt = now }, SafetyNetJson.Default.ChannelWatch)),
            cancellationToken);
        await watches.RecordQuietAlertAsync(channel, now, cancellationToken);
        metrics.ChannelQuiet(channel);
        LogQuiet(channel, now - lastSign, quietPeriod);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {Channel} has sent no webhook for {Quiet} (quiet period {QuietPeriod}): check its subscription")]
    private partial void LogQuiet(string channel, TimeSpan quiet, TimeSpan quietPeriod);
}
