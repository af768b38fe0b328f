using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailFunctions.Core.Operations;
using RetailFunctions.Infrastructure.Operations;

namespace RetailFunctions.Functions.Operations;

public static class OperationsServiceExtensions
{
    /// <summary>The operations summary behind <c>GET /api/ops/summary</c> and the local host's <c>/ops</c> page.</summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OperationsSummaryOptions>()
            .BindConfiguration(OperationsSummaryOptions.SectionName)
            .Validate(o => o.LagWindow > TimeSpan.Zero && o.RecentItems > 0, "Operations:LagWindow and Operations:RecentItems must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<StorageOperationsSummary>();
        return builder;
    }
}
