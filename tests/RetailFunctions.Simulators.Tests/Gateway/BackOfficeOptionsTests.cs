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
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBackOfficeClients();
        using var host = builder.Build();

        // Act
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        // Assert
        Assert.Contains("BackOffice:Erp:BaseUrl", exception.Message, StringComparison.Ordinal);
    }
}
