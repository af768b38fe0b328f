using Microsoft.Extensions.Configuration;

namespace RetailFunctions.LocalHost.Queues;

/// <summary>The <c>extensions.queues</c> section of host.json, with the Functions runtime's defaults.</summary>
public sealed class QueueTriggerOptions
{
    public int BatchSize { get; set; } = 16;

    public int MaxDequeueCount { get; set; } = 5;

    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    public static QueueTriggerOptions From(IConfiguration hostJson) =>
        hostJson.GetSection("extensions:queues").Get<QueueTriggerOptions>() ?? new QueueTriggerOptions();
}
