using Microsoft.Extensions.Hosting;
using RetailFunctions.Functions.Catalog;
using RetailFunctions.Functions.Inventory;
using RetailFunctions.Functions.Operations;
using RetailFunctions.Functions.Orders;
using RetailFunctions.Functions.Returns;
using RetailFunctions.Functions.SafetyNet;
using RetailFunctions.Functions.Shipments;
using RetailFunctions.Functions.Settlements;
using RetailFunctions.Functions.Webhooks;
using RetailFunctions.Infrastructure;
using RetailFunctions.Infrastructure.Events;
using RetailFunctions.Infrastructure.Telemetry;

namespace RetailFunctions.Functions;

/// <summary>
/// The app's services, shared by <c>Program.cs</c> (Functions runtime) and the local fabric host,
/// which looks this class up by name so both run the functions with the same registrations.
/// </summary>
public static class FunctionAppStartup
{
    public static void Configure(IHostApplicationBuilder builder)
    {
        builder.AddRetailTelemetry();
        builder.AddRetailStorage();
        builder.AddRetailEvents();
        builder.AddWebhooks();
        builder.AddOrders();
        builder.AddShipments();
        builder.AddReturns();
        builder.AddSettlements();
        builder.AddInventory();
        builder.AddCatalog();
        builder.AddOperations();
        builder.AddSafetyNet();
    }
}
