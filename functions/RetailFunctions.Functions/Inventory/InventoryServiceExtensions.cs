using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Functions.Webhooks;
using RetailFunctions.Infrastructure.Inventory;

namespace RetailFunctions.Functions.Inventory;

public static class InventoryServiceExtensions
{
    /// <summary>Positions, reservations, adjustments, snapshots, available-to-sell and the channel fan-out.</summary>
    public static IHostApplicationBuilder AddInventory(this IHostApplicationBuilder builder)
    {
        // Each channel starts from its published limits; configuration overrides them setting by setting.
        builder.Services.AddOptions<InventoryOptions>()
            .Configure(o =>
            {
                foreach (var channel in InventoryChannels.All)
                {
                    o.Channels[channel] = InventoryChannels.Defaults(channel);
                }
            })
            .BindConfiguration(InventoryOptions.SectionName)
            .RequireSigningSecret("Inventory:AdjustmentsSecret")
            .Validate(o => o.Validate() is null, "Inventory settings are invalid: check SafetyStock, LowStockThreshold and Inventory:Channels:{channel}.")
            .ValidateOnStart();

        builder.AddInventoryInfrastructure();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<InventoryMetrics>();
        builder.Services.AddSingleton<InventoryAvailability>();
        builder.Services.AddSingleton<InventoryAdjustmentGate>();
        builder.Services.AddSingleton<InventoryChangeHandler>();
        builder.Services.AddSingleton<InventorySnapshotHandler>();
        builder.Services.AddSingleton<InventoryFanOut>();
        builder.Services.AddSingleton<InventoryQuery>();
        return builder;
    }
}
