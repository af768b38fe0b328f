using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailFunctions.Core.Settlements.Processing;
using RetailFunctions.Core.Settlements.Reconciliation;
using RetailFunctions.Infrastructure.BackOffice;
using RetailFunctions.Infrastructure.Settlements;

namespace RetailFunctions.Functions.Settlements;

public static class SettlementsServiceExtensions
{
    /// <summary>The settlement pipeline: options (section <c>Settlements</c>), the file handler and its stores, and the ERP client.</summary>
    public static IHostApplicationBuilder AddSettlements(this IHostApplicationBuilder builder)
    {
        builder.AddBackOfficeClients();
        builder.Services.AddOptions<SettlementOptions>()
            .BindConfiguration(SettlementOptions.SectionName)
            .Validate(o => o.Validate() is null, $"{SettlementOptions.SectionName} is invalid: check tolerances, days and GL accounts.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ISettlementStore, TableSettlementStore>();
        builder.Services.AddSingleton<ISettlementOrders, LedgerSettlementOrders>();
        builder.Services.AddSingleton<SettlementMetrics>();
        builder.Services.AddSingleton<SettlementFileHandler>();
        return builder;
    }
}
