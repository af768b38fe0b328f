using RetailFunctions.Simulators.Amazon;
using RetailFunctions.Simulators.Control;
using RetailFunctions.Simulators.Erp;
using RetailFunctions.Simulators.Gateway;
using RetailFunctions.Simulators.Pos;
using RetailFunctions.Simulators.Shopify;
using RetailFunctions.Simulators.Walmart;
using RetailFunctions.Simulators.Webhooks;
using RetailFunctions.Simulators.Wms;

namespace RetailFunctions.Simulators;

/// <summary>Builds the simulator app; <c>Program.cs</c> runs it and tests host it in-process on a loopback port.</summary>
public static class SimulatorApp
{
    public const string DefaultUrl = "http://127.0.0.1:7072";

    public static WebApplication Create(WebApplicationOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddSimulators(builder.Configuration);

        var app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<SimulatorGateway>();
        app.MapErp();
        app.MapWms();
        app.MapShopify();
        app.MapAmazon();
        app.MapWalmart();
        app.MapPos();
        app.MapControl()
            .MapErpControl()
            .MapWmsControl()
            .MapShopifyControl()
            .MapAmazonControl()
            .MapWalmartControl()
            .MapWebhookControl()
            .MapPosControl();
        return app;
    }
}
