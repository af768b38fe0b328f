using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RetailFunctions.Infrastructure.BackOffice;
using RetailFunctions.Simulators.Tests.Hosting;

namespace RetailFunctions.Simulators.Tests.Gateway;

public sealed class BackOfficeOptionsTests
{
    [Fact]
    public async Task AddBackOfficeClients_missingErpBaseUrl_failsOnStart()
    {
        // Arrange
        var settings = SimulatorHost.ClientSettings(new Uri("http://127.0.0.1:7072"));
        settings.Remove("BackOffice:Erp:BaseUrl");

        // Act
        var exception = await StartAsync(settings);

        // Assert
        Assert.IsType<OptionsValidationException>(exception);
        Assert.Contains("BackOffice:Erp:BaseUrl", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddBackOfficeClients_negativeMaxInlineRetryAfter_failsOnStart()
    {
        // Arrange
        var settings = SimulatorHost.ClientSettings(new Uri("http://127.0.0.1:7072"));
        settings["BackOffice:Resilience:MaxInlineRetryAfter"] = "-00:00:01";

        // Act
        var exception = await StartAsync(settings);

        // Assert: every client's pipeline reads the settings, so each reports them.
        Assert.NotNull(exception);
        Assert.Contains("MaxInlineRetryAfter", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<Exception?> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBackOfficeClients();
        using var host = builder.Build();
        return await Record.ExceptionAsync(() => host.StartAsync());
    }
}
