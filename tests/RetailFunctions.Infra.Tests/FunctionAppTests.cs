using System.Text.Json;

namespace RetailFunctions.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class FunctionAppTests(CompiledTemplateFixture fixture)
{
    /// <summary>Configuration keys (environment form) of every signing secret and API key, DESIGN.md §3.</summary>
    private static readonly string[] SecretSettings =
    [
        "Channels__Shopify__WebhookSecret",
        "Channels__Walmart__WebhookSecret",
        "Channels__Amazon__ApiKey",
        "Channels__Pos__WebhookSecret",
        "Shipments__Sources__wms__Secret",
        "Shipments__Sources__3pl__Secret",
        "Shipments__Sources__carrier__Secret",
        "Inventory__AdjustmentsSecret",
        "Catalog__ChangesSecret",
    ];

    private readonly ArmDeployment deployment = fixture.Deployment;

    [Fact]
    public void Plan_flexConsumptionFc1()
    {
        var plan = deployment.Single("Microsoft.Web/serverfarms").Element.GetProperty("sku");

        Assert.Equal("FC1", plan.GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", plan.GetProperty("tier").GetString());
    }

    [Fact]
    public void Site_dotnetIsolated10UserAssignedIdentityAndAlwaysReadyHttpParameter()
    {
        var site = deployment.Single("Microsoft.Web/sites");
        var config = site.Properties.GetProperty("functionAppConfig");
        var runtime = config.GetProperty("runtime");
        var alwaysReady = config.GetProperty("scaleAndConcurrency").GetProperty("alwaysReady").GetString();

        Assert.Equal("UserAssigned", site.Element.GetProperty("identity").GetProperty("type").GetString());
        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal("10.0", runtime.GetProperty("version").GetString());
        Assert.Contains("parameters('alwaysReadyHttpInstanceCount')", alwaysReady);
        Assert.Contains("'http'", alwaysReady);
        Assert.Equal("UserAssignedIdentity", config.GetProperty("deployment").GetProperty("storage").GetProperty("authentication").GetProperty("type").GetString());
        Assert.True(site.Properties.GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("[parameters('identityId')]", site.Properties.GetProperty("keyVaultReferenceIdentity").GetString());
    }

    [Fact]
    public void AppSettings_identityBasedConnections()
    {
        var settings = IdentitySettings();

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[parameters('blobEndpoint')]", settings["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal("[parameters('queueEndpoint')]", settings["AzureWebJobsStorage__queueServiceUri"]);
        Assert.Equal("[parameters('tableEndpoint')]", settings["AzureWebJobsStorage__tableServiceUri"]);
        Assert.Equal("[parameters('serviceBusFullyQualifiedNamespace')]", settings["ServiceBus__fullyQualifiedNamespace"]);
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
    }

    [Fact]
    public void AppSettings_taskHubConnection_matchesHostJson_identityBased()
    {
        var settings = IdentitySettings();
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.RepositoryRoot, "host.json")));
        var connection = hostJson.RootElement.GetProperty("extensions").GetProperty("durableTask")
            .GetProperty("storageProvider").GetProperty("connectionName").GetString();

        Assert.Equal("managedidentity", settings[$"{connection}__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings[$"{connection}__clientId"]);
        Assert.Equal("[parameters('blobEndpoint')]", settings[$"{connection}__blobServiceUri"]);
        Assert.Equal("[parameters('queueEndpoint')]", settings[$"{connection}__queueServiceUri"]);
        Assert.Equal("[parameters('tableEndpoint')]", settings[$"{connection}__tableServiceUri"]);
        Assert.DoesNotContain(connection, settings.Keys);
    }

    [Fact]
    public void AppSettings_noSecrets_onlyKeyVaultReferences()
    {
        var app = deployment.Module("functionApp");
        var appSettings = deployment.Single("Microsoft.Web/sites/config");
        var keyVaultSettings = deployment.Main.Variable("keyVaultSettings").EnumerateArray().ToList();

        Assert.Equal("[union(variables('identitySettings'), variables('keyVaultReferences'))]", appSettings.Properties.GetString());
        Assert.DoesNotContain(app.Parameters, p => p.Value.GetRawText().Contains("\"secure", StringComparison.OrdinalIgnoreCase));
        Assert.All(IdentitySettings(), s =>
        {
            Assert.DoesNotContain("Secret", s.Key, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ApiKey", s.Key, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("AccountKey", s.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessKey", s.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys", s.Value, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal("[variables('keyVaultSettings')]", app.Binding("keyVaultSettings").GetString());
        Assert.Equal(SecretSettings.Order(), keyVaultSettings.Select(s => s.GetProperty("appSetting").GetString()!).Order());
        Assert.Matches(
            @"^\[toObject\(parameters\('keyVaultSettings'\), lambda\('setting', lambdaVariables\('setting'\)\.appSetting\), lambda\('setting', format\('@Microsoft\.KeyVault\(SecretUri=\{0\}secrets/\{1\}\)', parameters\('keyVaultUri'\), lambdaVariables\('setting'\)\.secretName\)\)\)\]$",
            app.Variable("keyVaultReferences").GetString());
    }

    [Fact]
    public void KeyVaultSettings_everySecret_isCreatedInTheVault()
    {
        var secretNames = deployment.Main.Variable("keyVaultSettings").EnumerateArray().Select(s => s.GetProperty("secretName").GetString()!).ToList();
        var secretValues = deployment.Module("keyVault").Binding("secretValues");

        Assert.Equal(secretNames.Order(), secretValues.EnumerateObject().Select(p => p.Name).Order());
        Assert.All(secretValues.EnumerateObject(), p => Assert.Matches(@"^\[parameters\('\w+'\)\]$", p.Value.GetString()));
    }

    private Dictionary<string, string> IdentitySettings() =>
        deployment.Module("functionApp").Variable("identitySettings").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
}
