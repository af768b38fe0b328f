using Microsoft.Extensions.Configuration;

namespace RetailFunctions.LocalHost.Durable;

/// <summary>
/// Durable settings for local runs. Leases are much shorter than the Azure Storage provider's defaults so that
/// orchestrations left by a killed host resume within seconds of a restart, not minutes.
/// </summary>
internal sealed class DurableTaskHubOptions
{
    public string HubName { get; set; } = "RetailFunctions";

    public int PartitionCount { get; set; } = 4;

    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    public static DurableTaskHubOptions From(IConfiguration hostJson)
    {
        var options = new DurableTaskHubOptions();
        var section = hostJson.GetSection("extensions:durableTask");
        options.HubName = section["hubName"] ?? options.HubName;
        options.PartitionCount = section.GetValue("storageProvider:partitionCount", options.PartitionCount);
        return options;
    }
}
