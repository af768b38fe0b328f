using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RetailFunctions.LocalHost.FixtureApp;

public static class FunctionAppStartup
{
    public static void Configure(IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new InvocationLog(
            new TableClient(sp.GetRequiredService<IConfiguration>()["AzureWebJobsStorage"], sp.GetRequiredService<IConfiguration>()["FixtureLogTable"] ?? "fixturelog")));
        if (builder.Configuration.GetValue<TimeSpan?>("FixtureStartupDelay") is { } delay)
        {
            builder.Services.AddHostedService(_ => new SlowStartup(delay));
        }
    }
}
