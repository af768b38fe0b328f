namespace RetailFunctions.Infrastructure.Events;

/// <summary>
/// <c>Events:*</c>. <see cref="Sink"/> picks the publisher; unset, it is Service Bus when a <c>ServiceBus</c> connection is
/// configured (as in Azure) and the Azurite queue <c>retail-events-local</c> otherwise (as on a developer machine).
/// </summary>
public sealed class RetailEventsOptions
{
    public const string SectionName = "Events";

    public RetailEventSink? Sink { get; set; }

    public string Topic { get; set; } = "retail-events";

    /// <summary>How long a relay owns a row it is publishing; a row whose relay died is published again after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the sweep scans every outbox table (no index: a scan of whole tables, dearer as they grow) for rows whose
    /// nudge was lost or whose send failed. Nudges publish the rest at once; a host sweeps at start and then at this interval.
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most this many pending rows per relay run, so one run stays short.</summary>
    public int BatchSize { get; set; } = 200;
}
