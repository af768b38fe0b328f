using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RetailFunctions.Core.Recovery;
using RetailFunctions.Core.Sla;
using RetailFunctions.Core.Telemetry;
using RetailFunctions.Infrastructure;

namespace RetailFunctions.Functions.SafetyNet;

public static class SafetyNetServiceExtensions
{
    /// <summary>Missed-webhook recovery, quiet-channel alerts, SLA tracking and the audit trail. Call last: it decorates the ledgers.</summary>
    public static IHostApplicationBuilder AddSafetyNet(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<OrderRecoveryOptions>().BindConfiguration(OrderRecoveryOptions.SectionName)
            .Validate(o => o.Validate() is null, $"{OrderRecoveryOptions.SectionName} is invalid: intervals must be positive.").ValidateOnStart();
        builder.Services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.SectionName)
            .Validate(o => o.Validate() is null, $"{SlaOptions.SectionName}: every flow's threshold must be a positive time span.").ValidateOnStart();
        builder.Services.TryAddSingleton<SafetyNetMetrics>();
        builder.Services.AddSingleton<SlaTracker>();
        builder.Services.AddSingleton<OrderRecoveryHandler>();
        builder.Services.AddSingleton<ChannelQuietMonitor>();
        builder.AddSafetyNetInfrastructure();
        return builder;
    }
}
