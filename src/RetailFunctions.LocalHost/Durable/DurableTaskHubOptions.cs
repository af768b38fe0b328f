using Microsoft.Extensions.Configuration;

namespace RetailFunctions.LocalHost.Durable;

/// <summary>
/// Durable settings for local runs. Leases and queue visibility timeouts are much shorter than the Azure Storage
/// provider's defaults (5 minutes) so that orchestrations left by a killed host resume within seconds of a restart:
/// the provider sends an episode's messages before it writes its history, so a host killed in between leaves the
/// episode's trigger message invisible until its visibility timeout ends, and the orchestration waits that long.
/// </summary>
internal sealed class DurableTaskHubOptions
{
    public string HubName { get; set; } = "RetailFunctions";

    /// <summary>
    /// The storage connection of the task hub (host.json <c>storageProvider.connectionName</c>, as the Durable
    /// extension reads it); null for <c>AzureWebJobsStorage</c>.
    /// </summary>
    public string? ConnectionName { get; set; }

    public int PartitionCount { get; set; } = 4;

    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// host.json <c>maxConcurrentActivityFunctions</c> / <c>maxConcurrentOrchestratorFunctions</c>, with the Durable
    /// extension's defaults (10 per processor); the provider's own default of 10 activities would cap the host lower.
    /// </summary>
    public int MaxConcurrentActivities { get; set; } = 10 * Environment.ProcessorCount;

    public int MaxConcurrentOrchestrations { get; set; } = 10 * Environment.ProcessorCount;

    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Longer than the back-office clients' total timeout (90 s), so a slow activity is not handed out twice.</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public static DurableTaskHubOptions From(IConfiguration hostJson)
    {
        var options = new DurableTaskHubOptions();
        var section = hostJson.GetSection("extensions:durableTask");
        options.HubName = section["hubName"] ?? options.HubName;
        options.PartitionCount = section.GetValue("storageProvider:partitionCount", options.PartitionCount);
        options.MaxConcurrentActivities = section.GetValue("maxConcurrentActivityFunctions", options.MaxConcurrentActivities);
        options.MaxConcurrentOrchestrations = section.GetValue("maxConcurrentOrchestratorFunctions", options.MaxConcurrentOrchestrations);
        options.ConnectionName = section["storageProvider:connectionName"] ?? section["storageProvider:connectionStringName"];
        return options;
    }
}
