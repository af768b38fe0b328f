using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Returns.Workflow;
using RetailFunctions.Infrastructure.Returns;

namespace RetailFunctions.Functions.Returns;

public static class ReturnsServiceExtensions
{
    /// <remarks>Restocking needs the inventory context's <see cref="Core.Inventory.IStockReturns"/>.</remarks>
    public static IHostApplicationBuilder AddReturns(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReturnsOptions>().BindConfiguration(ReturnsOptions.SectionName)
            .Validate(o => o.WindowDays > 0, "Returns:WindowDays must be positive.")
            .Validate(o => o.UnmatchedRetryInterval > TimeSpan.Zero && o.UnmatchedRetryMaxInterval >= o.UnmatchedRetryInterval, "Returns:UnmatchedRetryInterval must be positive and at most Returns:UnmatchedRetryMaxInterval.")
            .ValidateOnStart();
        builder.AddReturnsInfrastructure();
        builder.Services.AddSingleton<ReturnIntake>();
        builder.Services.AddSingleton<ReturnRefundSteps>();
        return builder;
    }
}
